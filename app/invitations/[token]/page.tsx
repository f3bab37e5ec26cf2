import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleShell } from "@/components/layout/console-shell";
import { formatDate, relativeTime } from "@/lib/format";
import { buttonClass } from "@/components/ui/button-styles";
import { Card } from "@/components/ui/card";
import { roleLabels } from "@/lib/authz/permissions";
import type { InvitationView } from "@/lib/invitations/respond";
import { type InvitationPage as PageData, loadInvitationPage } from "@/lib/pages/invitation-page";
import { signOutAction, switchOrganization } from "../../(console)/actions";
import { acceptInvitationAction, declineInvitationAction, switchAccountAction } from "./actions";
import { InvitationResponse } from "./_components/invitation-response";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

const text = "mt-3 text-zinc-700 dark:text-zinc-300";
const linkClass = "mt-6 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

export default async function InvitationRoute({ params }: Props) {
  const { token } = await params;
  const page = await loadInvitationPage(token);
  return (
    <ConsoleShell user={page.viewer} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <Card aria-labelledby="invitation-heading" className="mx-auto max-w-xl min-w-0 break-words" data-state={page.state}>
        <InvitationBody page={page} token={token} />
      </Card>
    </ConsoleShell>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h1 id="invitation-heading" className="text-2xl font-semibold break-words">{children}</h1>;
}

const inviter = (invitation: InvitationView) => invitation.inviterName ?? "An admin";

function InvitationBody({ page, token }: { page: PageData; token: string }) {
  if (page.state === "not-found") {
    return (
      <>
        <Heading>This invitation link is not valid</Heading>
        <p className={text}>Check that you opened the whole link from the email. If it still does not work, ask the person who invited you for a new invitation.</p>
        <Link href="/" className={linkClass}>Go to your organizations</Link>
      </>
    );
  }
  const { invitation, viewer } = page;
  const org = invitation.org.name;
  switch (page.state) {
    case "wrong-account":
      return (
        <>
          <Heading>This invitation is for another email</Heading>
          <p className={text}>
            The invitation to join <strong>{org}</strong> is for <strong>{invitation.email}</strong>. You are signed in as <strong>{viewer.email}</strong>.
          </p>
          <p className={text}>Sign out, then sign in with {invitation.email} to accept or decline it.</p>
          <form action={switchAccountAction.bind(null, token)} className="mt-6">
            <button type="submit" className={buttonClass()}>
              Sign out and switch account
            </button>
          </form>
        </>
      );
    case "pending":
      return (
        <>
          <Heading>Join {org}</Heading>
          <p className={text}>
            {inviter(invitation)} invited you to join <strong>{org}</strong> as <strong>{roleLabels[invitation.role]}</strong>.
          </p>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            The invitation is for {invitation.email} and expires{" "}
            <time dateTime={invitation.expiresAt.toISOString()} title={formatDate(invitation.expiresAt)}>
              {relativeTime(invitation.expiresAt)}
            </time>{" "}
            ({formatDate(invitation.expiresAt)}).
          </p>
          <InvitationResponse token={token} orgName={org} accept={acceptInvitationAction} decline={declineInvitationAction} />
        </>
      );
    case "expired":
      return (
        <>
          <Heading>This invitation has expired</Heading>
          <p className={text}>
            The invitation to join <strong>{org}</strong> expired on {formatDate(invitation.expiresAt)}. Ask {inviter(invitation)} or another admin of {org} to send it
            again.
          </p>
          <Link href="/" className={linkClass}>Go to your organizations</Link>
        </>
      );
    case "revoked":
      return (
        <>
          <Heading>This invitation was revoked</Heading>
          <p className={text}>An admin of <strong>{org}</strong> withdrew this invitation, so it can no longer be accepted. If you think it is a mistake, ask them for a new one.</p>
          <Link href="/" className={linkClass}>Go to your organizations</Link>
        </>
      );
    case "declined":
      return (
        <>
          <Heading>{page.forViewer ? "You declined this invitation" : "This invitation was declined"}</Heading>
          <p className={text}>
            {page.forViewer ? "You will not join" : "Nobody will join"} <strong>{org}</strong> through this invitation. To join later, ask {inviter(invitation)} to invite
            you again.
          </p>
          <Link href="/" className={linkClass}>Go to your organizations</Link>
        </>
      );
    case "accepted":
      return (
        <>
          <Heading>This invitation was already accepted</Heading>
          <p className={text}>
            {page.forViewer ? <>You accepted it and joined <strong>{org}</strong>.</> : <>It was used to join <strong>{org}</strong> and cannot be used again.</>}
          </p>
          <Link href={page.forViewer ? `/orgs/${invitation.org.slug}` : "/"} className={linkClass}>
            {page.forViewer ? `Go to ${org}` : "Go to your organizations"}
          </Link>
        </>
      );
  }
}
