"use client";

import { ConfirmAction } from "@/components/members/confirm-action";
import { useToastingAction } from "@/components/members/use-toasting-action";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Target = { plan: string; label: string; limitsText: string };

/** An upgrade applies at once: one button, a pending state, a toast; a refusal stays next to it. */
export function UpgradeButton({ action, target }: { action: Action; target: Target }) {
  const { submit, formError, fieldError } = useToastingAction(action);
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="plan" value={target.plan} />
      <SubmitButton pendingLabel="Changing plan…">Change to {target.label}</SubmitButton>
      <FormError message={formError ?? fieldError("plan")} />
    </form>
  );
}

/** A downgrade the organization fits in asks first, saying what the lower limits will be. */
export function DowngradeButton({ action, target, orgName }: { action: Action; target: Target; orgName: string }) {
  return (
    <ConfirmAction
      trigger={`Change to ${target.label}`}
      title={`Change ${orgName} to the ${target.label} plan?`}
      confirm={`Change to ${target.label}`}
      pendingLabel="Changing plan…"
      action={action}
      fields={{ plan: target.plan }}
    >
      The {target.label} plan allows {target.limitsText}. {orgName} fits in these limits today; once changed, anything beyond them cannot be
      added. Plan changes apply immediately.
    </ConfirmAction>
  );
}
