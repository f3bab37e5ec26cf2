"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { Badge } from "@/components/ui/badge";
import { DisabledButton } from "@/components/ui/disabled-button";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { type NoticeKind, noticeKindLabels, noticeKinds } from "@/lib/notifications/kinds";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  addresses: { email: string; unsubscribed: NoticeKind[] }[];
  /** True when no admin contact email is set: the owner and admins receive them instead. */
  fallback: boolean;
  /** Owners and admins who receive them too but are not listed (only without contacts). */
  notShown: number;
  sendTestReport: Action;
  resubscribe: Action;
  /** Null when the caller may change these; otherwise why not (from the permission table). */
  deniedReason: string | null;
};

/** What each admin contact email receives, "Subscribe again" where it unsubscribed, and a test report. */
export function NoticeSubscriptions({ addresses, fallback, notShown, sendTestReport, resubscribe, deniedReason }: Props) {
  return (
    <div className="space-y-5">
      {fallback && <p className="text-sm text-zinc-700 dark:text-zinc-300">No admin contact email is set: the owner and admins receive them.</p>}
      {addresses.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Nobody receives them yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Recipients">
          {addresses.map((address) => (
            <li key={address.email} className="py-3 first:pt-0">
              <p className="font-medium break-all">{address.email}</p>
              <ul className="mt-2 space-y-2" aria-label={`What ${address.email} receives`}>
                {noticeKinds.map((kind) => {
                  const off = address.unsubscribed.includes(kind);
                  return (
                    <li key={kind} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <span className="min-w-0 grow">{noticeKindLabels[kind]}</span>
                      {off ? <Badge tone="warning">Unsubscribed</Badge> : <Badge tone="success">Receives</Badge>}
                      {off &&
                        (deniedReason ? (
                          <DisabledButton reason={deniedReason} variant="secondary" size="sm">
                            Subscribe again
                          </DisabledButton>
                        ) : (
                          <ResubscribeButton action={resubscribe} email={address.email} kind={kind} />
                        ))}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {notShown > 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">And {notShown} more {notShown === 1 ? "admin" : "admins"}, not listed here.</p>}
      {deniedReason ? <DisabledButton reason={deniedReason}>Send a test report</DisabledButton> : <TestReportButton action={sendTestReport} />}
    </div>
  );
}

function ResubscribeButton({ action, email, kind }: { action: Action; email: string; kind: NoticeKind }) {
  const { submit, pending, formError } = useToastingAction(action);
  return (
    <form action={submit} className="contents">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Subscribing…" disabled={pending}>
        Subscribe again<span className="sr-only"> {email} to {noticeKindLabels[kind].toLowerCase()}</span>
      </SubmitButton>
      {formError && (
        <div className="basis-full">
          <FormError message={formError} />
        </div>
      )}
    </form>
  );
}

function TestReportButton({ action }: { action: Action }) {
  const { submit, formError } = useToastingAction(action);
  return (
    <form action={submit} className="space-y-3">
      <FormError message={formError} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Sends this week&apos;s usage report so far to the addresses above.</p>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send a test report
      </SubmitButton>
    </form>
  );
}
