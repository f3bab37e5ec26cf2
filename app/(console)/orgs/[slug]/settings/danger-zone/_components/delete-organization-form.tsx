"use client";

import { useState } from "react";
import { useToastingAction } from "@/components/members/use-toasting-action";
import { FieldFrame, FormError, describedByFor, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; slug: string };

/**
 * The owner types the slug to confirm (the server checks it again). The button waits for an exact
 * match so a stray Enter cannot delete; success redirects, and the toast arrives on the next page.
 */
export function DeleteOrganizationForm({ action, slug }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(action);
  const [typed, setTyped] = useState(() => value("confirmSlug", ""));
  const id = "field-confirmSlug";
  const hint = "This permanently deletes the organization and everything listed above. It cannot be undone.";
  return (
    <form action={submit} noValidate className="mt-4 max-w-xl">
      <fieldset disabled={pending} className="space-y-4">
        <FormError message={formError} />
        <FieldFrame id={id} label={`Type ${slug} to confirm`} hint={hint} error={fieldError("confirmSlug")}>
          <input
            id={id}
            name="confirmSlug"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={fieldError("confirmSlug") ? true : undefined}
            aria-describedby={describedByFor(id, hint)}
            className={inputClass}
          />
        </FieldFrame>
        <DeleteButton ready={typed.trim() === slug} />
      </fieldset>
    </form>
  );
}

function DeleteButton({ ready }: { ready: boolean }) {
  if (ready) {
    return (
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete organization
      </SubmitButton>
    );
  }
  return <DisabledDeleteButton reason="field-confirmSlug-hint" />;
}

/** Shown disabled, with the reason tied to it, to anyone who cannot delete right now. */
export function DisabledDeleteButton({ reason }: { reason: string }) {
  return (
    <button
      type="button"
      disabled
      aria-describedby={reason}
      className="inline-flex cursor-not-allowed items-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white opacity-50 shadow-sm"
    >
      Delete organization
    </button>
  );
}
