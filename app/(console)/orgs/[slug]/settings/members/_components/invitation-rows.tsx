"use client";

import { InvitationMenu } from "./invitation-menu";

type When = { text: string; title: string; at: string };

/** One pending invitation, its texts made on the server (relative times included) so hydration matches. */
export type InvitationRowData = { id: string; email: string; role: string; inviter: string; sent: When; expires: When; resent: string };

function Time({ when }: { when: When }) {
  return (
    <time dateTime={when.at} title={when.title}>
      {when.text}
    </time>
  );
}

/** Plain rows: the invitation's facts and one "…" menu (Resend, Copy link, Revoke). */
export function InvitationRows({ rows }: { rows: InvitationRowData[] }) {
  return rows.map((invitation) => (
    <tr key={invitation.id} data-testid="invitation-row">
      <td className="font-medium break-all">{invitation.email}</td>
      <td data-label="Role">{invitation.role}</td>
      <td data-label="Invited by">{invitation.inviter}</td>
      <td data-label="Sent">
        <Time when={invitation.sent} />
      </td>
      <td data-label="Expires">
        <Time when={invitation.expires} />
      </td>
      <td data-label="Resent">{invitation.resent}</td>
      <td data-actions="">
        <InvitationMenu invitation={{ id: invitation.id, email: invitation.email }} />
      </td>
    </tr>
  ));
}
