import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleShell } from "@/components/layout/console-shell";
import { Card } from "@/components/ui/card";
import { roleLabels } from "@/lib/authz/permissions";
import { emailDomain } from "@/lib/domains/hostname";
import { loadJoinPage } from "@/lib/pages/join-page";
import { signOutAction, switchOrganization } from "../../(console)/actions";
import { joinAutomaticallyAction, requestToJoinAction } from "./actions";
import { JoinForm } from "./_components/join-form";

export const metadata: Metadata = { title: "Join an organization" };

type Props = { params: Promise<{ orgId: string }> };

const text = "mt-3 text-zinc-700 dark:text-zinc-300";

export default async function JoinRoute({ params }: Props) {
  const { orgId } = await params;
  const { viewer, org } = await loadJoinPage(orgId);
  const domain = emailDomain(viewer.email);
  return (
    <ConsoleShell user={viewer} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <Card aria-labelledby="join-heading" className="mx-auto max-w-xl min-w-0 break-words">
        {!org ? (
          <>
            <h1 id="join-heading" className="text-2xl font-semibold">
              Nothing to join here
            </h1>
            <p className={text}>No organization lets people at your email&apos;s domain join this way, or you are already a member. Ask an admin for an invitation.</p>
            <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              Go to your organizations
            </Link>
          </>
        ) : (
          <>
            <h1 id="join-heading" className="text-2xl font-semibold">
              {org.policy === "auto_join" ? `Join ${org.orgName}` : `Request to join ${org.orgName}`}
            </h1>
            <p className={text}>
              {org.orgName} has verified {domain}, the domain of your email {viewer.email}.{" "}
              {org.policy === "auto_join"
                ? `You can join it now as ${roleLabels[org.role]}.`
                : "Its owner and admins decide: they get your request by email and answer in Members → Requests."}
            </p>
            {org.requested ? (
              <p role="status" className={text}>
                You asked to join {org.orgName}. Its owner and admins have your request: you will get an email when one of them answers.
              </p>
            ) : org.policy === "auto_join" ? (
              <JoinForm orgId={org.orgId} label={`Join ${org.orgName}`} pendingLabel="Joining…" action={joinAutomaticallyAction} />
            ) : (
              <JoinForm orgId={org.orgId} label="Request to join" pendingLabel="Sending…" action={requestToJoinAction} />
            )}
          </>
        )}
      </Card>
    </ConsoleShell>
  );
}
