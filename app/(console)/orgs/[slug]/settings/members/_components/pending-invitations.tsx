import { formatDate, relativeTime } from "@/components/members/format";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { MembersPage } from "@/lib/pages/members-page";
import { InvitationActions } from "./invitation-actions";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  pending: NonNullable<MembersPage["pending"]>;
  actions: { resend: Action; revoke: Action; link: Action };
};

const cell = "px-3 py-2 align-top";

export function PendingInvitations({ pending, actions }: Props) {
  if (pending.total === 0) {
    return <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">No pending invitation. Invitations you send appear here until they are answered.</p>;
  }
  const now = new Date();
  return (
    <>
      <div className="mt-4 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Pending invitations</caption>
          <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={cell}>Email</th>
              <th scope="col" className={cell}>Role</th>
              <th scope="col" className={cell}>Invited by</th>
              <th scope="col" className={cell}>Sent</th>
              <th scope="col" className={cell}>Expires</th>
              <th scope="col" className={cell}>Resent</th>
              <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {pending.invitations.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row">
                <td className={`${cell} font-medium break-all`}>{invitation.email}</td>
                <td className={cell}>{roleLabels[invitation.role]}</td>
                <td className={cell}>{invitation.inviterName ?? invitation.inviterEmail ?? "A former member"}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={invitation.lastSentAt.toISOString()} title={formatDate(invitation.lastSentAt)}>
                    {relativeTime(invitation.lastSentAt, now)}
                  </time>
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={invitation.expiresAt.toISOString()} title={formatDate(invitation.expiresAt)}>
                    {relativeTime(invitation.expiresAt, now)}
                  </time>
                </td>
                <td className={cell}>{invitation.resentCount === 0 ? "never" : `${invitation.resentCount}×`}</td>
                <td className={cell}>
                  <InvitationActions invitation={{ id: invitation.id, email: invitation.email }} actions={actions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending.total > pending.invitations.length && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Showing the {pending.invitations.length} most recently sent of {pending.total} pending invitations.
        </p>
      )}
    </>
  );
}
