"use client";

import { useToastingAction } from "@/components/members/use-toasting-action";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = { token: string; orgName: string; accept: Action; decline: Action };

/** Accept and Decline: both stay disabled while either is on its way, so one answer wins. */
export function InvitationResponse({ token, orgName, accept, decline }: Props) {
  const accepting = useToastingAction(accept);
  const declining = useToastingAction(decline);
  const pending = accepting.pending || declining.pending;
  const error = accepting.formError ?? accepting.fieldError("token") ?? declining.formError ?? declining.fieldError("token");
  return (
    <div className="mt-6 space-y-3">
      <FormError message={error} />
      <div className="flex flex-wrap gap-3">
        <form action={accepting.submit}>
          <fieldset disabled={pending}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton pendingLabel="Joining…">Accept</SubmitButton>
          </fieldset>
        </form>
        <form action={declining.submit}>
          <fieldset disabled={pending}>
            <input type="hidden" name="token" value={token} />
            <button
              type="submit"
              aria-label={`Decline the invitation to join ${orgName}`}
              className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 disabled:opacity-70 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {declining.pending ? "Declining…" : "Decline"}
            </button>
          </fieldset>
        </form>
      </div>
    </div>
  );
}
