"use client";

import { createContext, useContext, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { focusHeading } from "./focus-heading";
import type { InvitationLink } from "./invitation-link-dialog";

const loadLinkDialog = () => import("./invitation-link-dialog").then((module) => module.InvitationLinkDialog);

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export type MenuInvitation = { id: string; email: string };

type Table = { resend: (invitation: MenuInvitation) => void; copyLink: (invitation: MenuInvitation) => void; revoke: (invitation: MenuInvitation) => void };

const InvitationsTableContext = createContext<Table | null>(null);

export function useInvitationsTable(): Table {
  const value = useContext(InvitationsTableContext);
  if (!value) throw new Error("An invitation row menu must sit inside InvitationsDialogs.");
  return value;
}

const formFor = (invitation: MenuInvitation) => {
  const data = new FormData();
  data.set("invitationId", invitation.id);
  return data;
};

const failure = (result: ActionResult) => (result.ok ? "" : (result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "That did not work."));

type Props = { actions: { resend: Action; revoke: Action; link: Action }; children: React.ReactNode };

/**
 * The invitations table's actions, once for the whole table. Resend and Copy link need no
 * confirmation: they run at once and say how it went in a toast. Revoke asks first; the link,
 * once fetched, is also shown in a dialog in case the browser refuses the clipboard.
 */
export function InvitationsDialogs({ actions, children }: Props) {
  const [revoking, setRevoking] = useState<MenuInvitation | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const [link, setLink] = useState<InvitationLink | null>(null);
  const LinkDialog = useLazyComponent(loadLinkDialog, link !== null);
  const [, startTransition] = useTransition();

  const run = (invitation: MenuInvitation, action: Action, pending: string, done: (result: ActionResult & { ok: true }) => void) => {
    const id = toast.loading(pending);
    startTransition(async () => {
      try {
        const result = await action(null, formFor(invitation));
        if (result.ok) done(result);
        else toast.error(failure(result));
      } catch {
        toast.error("The server did not answer. Try again.");
      } finally {
        toast.dismiss(id);
      }
    });
  };

  const table: Table = {
    resend: (invitation) =>
      run(invitation, actions.resend, `Sending the invitation to ${invitation.email} again…`, (result) => toast.success(result.message ?? "Invitation sent again.")),
    copyLink: (invitation) =>
      run(invitation, actions.link, `Getting the link for ${invitation.email}…`, (result) => {
        const url = result.data?.link;
        if (!url) return;
        setLink({ email: invitation.email, url });
        navigator.clipboard?.writeText(url).then(
          () => toast.success(`Invitation link for ${invitation.email} copied.`),
          () => toast.info("Copy the link from the dialog."),
        );
      }),
    revoke: (invitation) => {
      setRevoking(invitation);
      setRevokeOpen(true);
    },
  };

  return (
    <InvitationsTableContext.Provider value={table}>
      {children}
      {revoking && (
        <ConfirmDialog
          open={revokeOpen}
          onOpenChange={setRevokeOpen}
          title={`Revoke the invitation to ${revoking.email}?`}
          description="The link in the email stops working at once. The seat it held is freed."
          confirmLabel="Revoke invitation"
          pendingLabel="Revoking…"
          action={actions.revoke}
          fields={{ invitationId: revoking.id }}
          onSuccess={focusHeading}
        />
      )}
      {LinkDialog && <LinkDialog link={link} onClose={() => setLink(null)} />}
    </InvitationsTableContext.Provider>
  );
}
