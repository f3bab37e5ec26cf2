"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; projectId: string; name: string };

/** Delete after typing the project's exact name (the kit's typed confirmation); the server checks it again. */
export function ProjectDeleteForm({ action, projectId, name }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const typedBefore = value("confirmName", "");
  const [matches, setMatches] = useState(typedBefore === name);
  return (
    <form action={submit} className="mt-4 max-w-xl" noValidate>
      <fieldset disabled={pending} className="space-y-4">
        <input type="hidden" name="projectId" value={projectId} />
        <FormError message={formError ?? fieldError("projectId")} />
        <ConfirmByTyping expected={name} name="confirmName" error={fieldError("confirmName")} defaultValue={typedBefore} onMatchChange={setMatches} />
        <SubmitButton variant="danger" pendingLabel="Deleting…" disabled={!matches}>
          Delete project
        </SubmitButton>
      </fieldset>
    </form>
  );
}
