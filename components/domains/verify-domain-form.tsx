"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { domainId: string; domain: string; action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/** Reads the TXT record now; a failure says what DNS answered. */
export function VerifyDomainForm({ domainId, domain, action }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { formError } = useActionFeedback(state);
  return (
    <form action={submit} aria-label={`Verify ${domain}`} className="space-y-3">
      <input type="hidden" name="domainId" value={domainId} />
      <FormError message={formError} />
      <fieldset disabled={pending}>
        <SubmitButton pendingLabel="Checking DNS…">Verify</SubmitButton>
      </fieldset>
    </form>
  );
}
