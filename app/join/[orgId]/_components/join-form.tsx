"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { orgId: string; label: string; pendingLabel: string; action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/**
 * "Request to join" or "Join": the server re-reads everything that allows it. The toast fires as
 * the action answers: the page re-renders with the request made (or the organization joined).
 */
export function JoinForm({ orgId, label, pendingLabel, action }: Props) {
  const { state, submit, pending, formError } = useToastingAction(action);
  if (state?.ok) {
    return (
      <p role="status" className="mt-6 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        {state.message}
      </p>
    );
  }
  return (
    <form action={submit} className="mt-6 space-y-3">
      <input type="hidden" name="orgId" value={orgId} />
      <FormError message={formError} />
      <fieldset disabled={pending}>
        <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
      </fieldset>
    </form>
  );
}
