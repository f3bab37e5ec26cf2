"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { RepositoryPicker } from "@/lib/git/queries";
import { RepositoryField } from "./repository-field";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  scope: { projectId: string; environmentId: string };
  /** Absent when adding an application. */
  applicationId?: string;
  saved: { name: string; gitRepository: string; branch: string };
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  /** The repositories the organization's GitHub App grants; absent or null: typed as owner/name. */
  repositories?: RepositoryPicker | null;
};

/** Add or edit an application: name, repository, branch. Errors stay next to their field. */
export function ApplicationForm({ action, scope, applicationId, saved, submitLabel, pendingLabel, cancelHref, repositories }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  // Editing: Update waits for a change; adding may send the form as it is (the server says what is missing).
  const { unchanged, onChange } = useFormChanged(saved);
  return (
    <form action={submit} onChange={onChange} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <input type="hidden" name="projectId" value={scope.projectId} />
        <input type="hidden" name="environmentId" value={scope.environmentId} />
        {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
        <FormError message={formError} />
        <Field
          name="name"
          label="Application name"
          required
          hint="Unique in this environment (at most 60 characters)."
          defaultValue={value("name", saved.name)}
          error={fieldError("name")}
          autoComplete="off"
        />
        <RepositoryField defaultValue={value("gitRepository", saved.gitRepository)} error={fieldError("gitRepository")} picker={repositories} />
        <Field
          name="branch"
          label="Branch"
          required
          hint="The Git branch to deploy, for example main."
          defaultValue={value("branch", saved.branch)}
          error={fieldError("branch")}
          autoComplete="off"
          inputProps={{ spellCheck: false, autoCapitalize: "none" }}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel={pendingLabel} disabled={Boolean(applicationId) && unchanged} disabledReason="Nothing has changed yet.">
            {submitLabel}
          </SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
