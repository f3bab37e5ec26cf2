"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = { token: string; orgName: string; accept: Action; decline: Action };

const errorOf = (state: ActionState) => (state && !state.ok ? (state.formError ?? state.fieldErrors?.token) : undefined);

/**
 * Accept and Decline: both stay disabled while either is on its way, so one answer wins. Plain
 * server actions, so the answer works from the email's link even before JavaScript loads: accepting
 * redirects with a toast, declining re-renders the page as its confirmation.
 */
export function InvitationResponse({ token, orgName, accept, decline }: Props) {
  const [accepted, submitAccept, accepting] = useActionState(accept, null);
  const [declined, submitDecline, declining] = useActionState(decline, null);
  const pending = accepting || declining;
  const error = errorOf(accepted) ?? errorOf(declined);
  return (
    <div className="mt-6 space-y-3">
      <FormError message={error} />
      <div className="flex flex-wrap gap-3">
        <form action={submitAccept}>
          <fieldset disabled={pending}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton pendingLabel="Joining…">Accept</SubmitButton>
          </fieldset>
        </form>
        <form action={submitDecline}>
          <fieldset disabled={pending}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" variant="secondary" aria-label={`Decline the invitation to join ${orgName}`} pending={declining} pendingLabel="Declining…">
              Decline
            </Button>
          </fieldset>
        </form>
      </div>
    </div>
  );
}
