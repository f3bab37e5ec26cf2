"use client";

import { useActionState, useEffect, useRef } from "react";
import { toast } from "sonner";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ConfirmAction } from "@/components/members/confirm-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  invitation: { id: string; email: string };
  actions: { resend: Action; revoke: Action; link: Action };
};

const buttonClass =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Resend, Copy link and Revoke for one pending invitation. */
export function InvitationActions({ invitation, actions }: Props) {
  const [resent, resend, resending] = useActionState(actions.resend, null);
  const [linked, getLink, linking] = useActionState(actions.link, null);
  const resendFeedback = useActionFeedback(resent);
  const linkError = linked && !linked.ok ? linked.formError : undefined;
  const link = linked?.ok ? linked.data?.link : undefined;
  const linkInput = useRef<HTMLInputElement>(null);
  const errorId = `invitation-${invitation.id}-error`;

  // The server answered with the link: copy it if the browser lets us, and show it either way.
  useEffect(() => {
    if (!link) return;
    linkInput.current?.select();
    navigator.clipboard?.writeText(link).then(
      () => toast.success(`Invitation link for ${invitation.email} copied.`),
      () => toast.info("Copy the link from the box below the invitation."),
    );
  }, [link, linked, invitation.email]);

  const error = resendFeedback.formError ?? linkError;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={resend}>
          <fieldset disabled={resending}>
            <input type="hidden" name="invitationId" value={invitation.id} />
            <button type="submit" aria-label={`Resend the invitation to ${invitation.email}`} aria-describedby={errorId} className={buttonClass}>
              {resending ? "Sending…" : "Resend"}
            </button>
          </fieldset>
        </form>
        <form action={getLink}>
          <fieldset disabled={linking}>
            <input type="hidden" name="invitationId" value={invitation.id} />
            <button type="submit" aria-label={`Copy the invitation link for ${invitation.email}`} aria-describedby={errorId} className={buttonClass}>
              {linking ? "Copying…" : "Copy link"}
            </button>
          </fieldset>
        </form>
        <ConfirmAction
          trigger="Revoke"
          triggerName={`Revoke the invitation to ${invitation.email}`}
          title={`Revoke the invitation to ${invitation.email}?`}
          confirm="Revoke invitation"
          pendingLabel="Revoking…"
          action={actions.revoke}
          fields={{ invitationId: invitation.id }}
          focusAfter="pending-heading"
        >
          The link in the email stops working at once. The seat it held is freed.
        </ConfirmAction>
      </div>
      <p id={errorId} aria-live="polite" className="max-w-sm text-right text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      {link && (
        <label className="block w-full max-w-sm text-left text-xs text-zinc-600 dark:text-zinc-400">
          Invitation link for {invitation.email}
          <input
            ref={linkInput}
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          />
        </label>
      )}
    </div>
  );
}
