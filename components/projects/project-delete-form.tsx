"use client";

import { useActionState, useId, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; projectId: string; name: string };

/** Delete after typing the project's exact name; the server checks the typed name again. */
export function ProjectDeleteForm({ action, projectId, name }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const [typed, setTyped] = useState(() => value("confirmName", ""));
  const id = useId();
  const error = fieldError("confirmName");
  return (
    <form action={submit} className="mt-4 max-w-xl" noValidate>
      <fieldset disabled={pending} className="space-y-4">
        <input type="hidden" name="projectId" value={projectId} />
        <FormError message={formError ?? fieldError("projectId")} />
        <div>
          <label htmlFor={`${id}-confirm`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Type <strong className="font-mono">{name}</strong> to confirm
          </label>
          <input
            id={`${id}-confirm`}
            name="confirmName"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-confirm-error`}
            className={inputClass}
          />
          <p id={`${id}-confirm-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
            {error}
          </p>
        </div>
        <DeleteButton ready={typed.trim() === name} />
      </fieldset>
    </form>
  );
}

function DeleteButton({ ready }: { ready: boolean }) {
  // Disabled until the name matches; the fieldset disables it while the request runs.
  return ready ? (
    <SubmitButton variant="danger" pendingLabel="Deleting…">
      Delete project
    </SubmitButton>
  ) : (
    <button type="submit" disabled className="inline-flex items-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white opacity-50 shadow-sm">
      Delete project
    </button>
  );
}
