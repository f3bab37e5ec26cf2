import { formatDate, relativeTime } from "@/components/members/format";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { roleLabels } from "@/lib/authz/permissions";
import type { MembersPage } from "@/lib/pages/members-page";
import { InvitationMenu } from "./invitation-menu";

type Props = { invitations: NonNullable<MembersPage["invitations"]>["invitations"] };

/** Pending invitations as plain server-rendered rows, each with one "…" menu. */
export function InvitationsTable({ invitations }: Props) {
  const now = new Date();
  return (
    <Table>
      <TableCaption>Pending invitations</TableCaption>
      <TableHead>
        <tr>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Invited by</TableHeaderCell>
          <TableHeaderCell>Sent</TableHeaderCell>
          <TableHeaderCell>Expires</TableHeaderCell>
          <TableHeaderCell>Resent</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id} data-testid="invitation-row" className="max-md:relative">
            <TableCell className="font-medium break-all max-md:pr-10">{invitation.email}</TableCell>
            <TableCell label="Role">{roleLabels[invitation.role]}</TableCell>
            <TableCell label="Invited by">{invitation.inviterName ?? invitation.inviterEmail ?? "A former member"}</TableCell>
            <TableCell label="Sent" className="whitespace-nowrap">
              <time dateTime={invitation.lastSentAt.toISOString()} title={formatDate(invitation.lastSentAt)}>
                {relativeTime(invitation.lastSentAt, now)}
              </time>
            </TableCell>
            <TableCell label="Expires" className="whitespace-nowrap">
              <time dateTime={invitation.expiresAt.toISOString()} title={formatDate(invitation.expiresAt)}>
                {relativeTime(invitation.expiresAt, now)}
              </time>
            </TableCell>
            <TableCell label="Resent">{invitation.resentCount === 0 ? "never" : `${invitation.resentCount}×`}</TableCell>
            <TableCell className="text-right max-md:absolute max-md:top-2 max-md:right-2 max-md:p-0">
              <InvitationMenu invitation={{ id: invitation.id, email: invitation.email }} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
