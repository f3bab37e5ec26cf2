"use client";

import { RowActions } from "@/components/ui/row-actions";
import { type MenuInvitation, useInvitationsTable } from "./invitations-dialogs";

/** One pending invitation's "…" menu: it only tells the table which invitation and what to do. */
export function InvitationMenu({ invitation }: { invitation: MenuInvitation }) {
  const table = useInvitationsTable();
  return (
    <RowActions
      label={`Actions for the invitation to ${invitation.email}`}
      actions={[
        { label: "Resend invitation", onSelect: () => table.resend(invitation) },
        { label: "Copy link", onSelect: () => table.copyLink(invitation) },
        { label: "Revoke invitation…", onSelect: () => table.revoke(invitation), variant: "danger", separated: true },
      ]}
    />
  );
}
