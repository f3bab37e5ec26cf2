"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { others: number; action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/** Ends the user's sessions in every other browser (a lost laptop, a shared computer). */
export function OtherSessionsForm({ others, action }: Props) {
  const { submit, formError } = useToastingAction(action);
  return (
    <form action={submit} className="mt-4 space-y-3">
      <FormError message={formError} />
      <SubmitButton variant="secondary" pendingLabel="Signing out…" disabled={others === 0} disabledReason="You are not signed in anywhere else.">
        Sign out of all other sessions
      </SubmitButton>
    </form>
  );
}
