import { formatDate, relativeTime } from "@/lib/format";
import { roleLabels } from "@/lib/authz/permissions";
import type { MembersPage } from "@/lib/pages/members-page";
import { type InvitationRowData, InvitationRows } from "./invitation-rows";
import { lightTableClass } from "./light-table";

type Props = { invitations: NonNullable<MembersPage["invitations"]>["invitations"] };

/** Pending invitations: the frame here, the rows from compact data (as the members table does). */
export function InvitationsTable({ invitations }: Props) {
  const now = new Date();
  const when = (date: Date) => ({ text: relativeTime(date, now), title: formatDate(date), at: date.toISOString() });
  const rows: InvitationRowData[] = invitations.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    role: roleLabels[invitation.role],
    inviter: invitation.inviterName ?? invitation.inviterEmail ?? "A former member",
    sent: when(invitation.lastSentAt),
    expires: when(invitation.expiresAt),
    resent: invitation.resentCount === 0 ? "never" : `${invitation.resentCount}×`,
  }));
  return (
    <table className={lightTableClass}>
      <caption className="sr-only">Pending invitations</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Invited by</th>
          <th scope="col">Sent</th>
          <th scope="col">Expires</th>
          <th scope="col">Resent</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <InvitationRows rows={rows} />
      </tbody>
    </table>
  );
}
