"use client";

import { useState } from "react";
import { useToastingAction } from "@/components/forms/use-toasting-action";
import { describedByFor, FieldFrame, FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  projectId: string;
  projectName: string;
  destinationSlug: string;
  destinationName: string;
  /** The id of what blocks the transfer, when something does: the button stays disabled and points at it. */
  blockedBy: string | null;
};

const disabledClass = "inline-flex cursor-not-allowed items-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white opacity-50 shadow-sm";

/**
 * The caller types the project's name (the server checks it again). The button waits for an exact
 * match so a stray Enter cannot transfer; success redirects to the project in the destination, and
 * the toast arrives there.
 */
export function TransferProjectForm({ action, projectId, projectName, destinationSlug, destinationName, blockedBy }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(action);
  const [typed, setTyped] = useState(() => value("confirmName", ""));
  const id = "field-confirmName";
  const hint = `${projectName} and everything listed above move to ${destinationName} at once; its members then decide who can access it.`;
  const ready = !blockedBy && typed.trim() === projectName;
  return (
    <form action={submit} noValidate className="max-w-xl">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="destinationSlug" value={destinationSlug} />
      <fieldset disabled={pending || Boolean(blockedBy)} className="space-y-4">
        <FormError message={formError} />
        <FieldFrame id={id} label={`Type ${projectName} to confirm`} hint={hint} error={fieldError("confirmName")}>
          <input
            id={id}
            name="confirmName"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={fieldError("confirmName") ? true : undefined}
            aria-describedby={describedByFor(id, hint)}
            className={inputClass}
          />
        </FieldFrame>
        {ready ? (
          <SubmitButton variant="danger" pendingLabel="Transferring…">
            Transfer project
          </SubmitButton>
        ) : (
          <button type="button" disabled aria-describedby={blockedBy ?? `${id}-hint`} className={disabledClass}>
            Transfer project
          </button>
        )}
      </fieldset>
    </form>
  );
}
