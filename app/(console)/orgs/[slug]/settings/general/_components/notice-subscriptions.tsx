import { DisabledButton } from "@/components/ui/disabled-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { noticeKindLabels } from "@/lib/notifications/kinds";
import type { SubscriptionsOverview } from "@/lib/notifications/subscriptions";
import { ResubscribeButton, TestReportButton } from "./notice-subscription-buttons";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = SubscriptionsOverview & {
  sendTestReport: Action;
  resubscribe: Action;
  /** Null when the caller may change these; otherwise why not (from the permission table). */
  deniedReason: string | null;
};

const muted = "text-sm text-zinc-700 dark:text-zinc-300";

/**
 * What each admin contact email receives: one line when it receives everything (the usual case),
 * and only the kinds it unsubscribed from, each with "Subscribe again". A server component: the
 * only client code is the buttons.
 */
export function NoticeSubscriptions({ addresses, fallback, notShown, sendTestReport, resubscribe, deniedReason }: Props) {
  return (
    <div className="space-y-5">
      {fallback && <p className={muted}>No admin contact email is set: the owner and admins receive them.</p>}
      {addresses.length === 0 ? (
        <p className={muted}>Nobody receives them yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Recipients">
          {addresses.map(({ email, unsubscribed }) => (
            <li key={email} aria-label={email} className="py-3 first:pt-0">
              <p className="font-medium break-all">{email}</p>
              {unsubscribed.length === 0 ? (
                <p className={muted}>Receives all four kinds.</p>
              ) : (
                <ul className="mt-2 space-y-2" aria-label={`What ${email} unsubscribed from`}>
                  {unsubscribed.map((kind) => (
                    <li key={kind} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <span className="min-w-0 grow">Unsubscribed from {noticeKindLabels[kind].toLowerCase()}</span>
                      {deniedReason ? (
                        <DisabledButton reason={deniedReason} variant="secondary" size="sm">
                          Subscribe again
                        </DisabledButton>
                      ) : (
                        <ResubscribeButton action={resubscribe} email={email} kind={kind} />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {notShown > 0 && <p className={muted}>And {notShown} more {notShown === 1 ? "admin" : "admins"}, not listed here.</p>}
      {deniedReason ? <DisabledButton reason={deniedReason}>Send a test report</DisabledButton> : <TestReportButton action={sendTestReport} />}
    </div>
  );
}
