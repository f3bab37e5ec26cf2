"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { DisabledButton } from "@/components/ui/disabled-button";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  projectId: string;
  name: string;
  /** Why the caller cannot rename, or null when they can. */
  denied: string | null;
};

export function ProjectRenameForm({ action, projectId, name, denied }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const { unchanged, onChange } = useFormChanged({ name });
  return (
    <form action={submit} onChange={onChange} className="mt-3 max-w-xl" noValidate>
      <fieldset disabled={pending || denied !== null} className="space-y-4">
        <input type="hidden" name="projectId" value={projectId} />
        <FormError message={formError ?? fieldError("projectId")} />
        <Field
          name="name"
          label="Project name"
          required
          hint={denied ?? "The project key stays the same, so the CLI keeps finding the project."}
          defaultValue={value("name", name)}
          error={fieldError("name")}
          autoComplete="off"
          inputProps={{ maxLength: 80 }}
        />
        {denied === null && (
          <SubmitButton pendingLabel="Renaming…" disabled={unchanged} disabledReason="Nothing has changed yet.">
            Rename
          </SubmitButton>
        )}
      </fieldset>
      {/* Outside the disabled fieldset, so it stays focusable and says why. */}
      {denied !== null && (
        <div className="mt-4">
          <DisabledButton reason={denied}>Rename</DisabledButton>
        </div>
      )}
    </form>
  );
}
