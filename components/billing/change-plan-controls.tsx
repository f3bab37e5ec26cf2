"use client";

import { useActionState, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Target = { plan: string; label: string; limitsText: string };

/** An upgrade applies at once: one button, a pending state, a toast; a refusal stays next to it. */
export function UpgradeButton({ action, target }: { action: Action; target: Target }) {
  // Toasted from the answer: the page re-renders at once with this plan current, and this button goes.
  const [state, submit] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message) toast.success(result.message);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="plan" value={target.plan} />
      <SubmitButton pendingLabel="Changing plan…" className="w-full">
        Change to {target.label}
      </SubmitButton>
      <FormError message={failed?.formError ?? failed?.fieldErrors?.plan} />
    </form>
  );
}

/** A downgrade the organization fits in asks first, saying what the lower limits will be. */
export function DowngradeButton({ action, target, orgName }: { action: Action; target: Target; orgName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="w-full" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Change to {target.label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Change ${orgName} to the ${target.label} plan?`}
        description={`The ${target.label} plan allows ${target.limitsText}. ${orgName} fits in these limits today; once changed, anything beyond them cannot be added. Plan changes apply immediately.`}
        confirmLabel={`Change to ${target.label}`}
        pendingLabel="Changing plan…"
        variant="primary"
        action={action}
        fields={{ plan: target.plan }}
      />
    </>
  );
}
