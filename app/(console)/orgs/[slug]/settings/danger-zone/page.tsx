import type { Metadata } from "next";
import Link from "next/link";
import { TransferOwnershipForm } from "@/components/members/transfer-ownership-form";
import { ExportLink } from "@/components/orgs/export-link";
import { Card } from "@/components/ui/card";
import { DisabledButton } from "@/components/ui/disabled-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatAuditEventCount } from "@/lib/orgs/audit-event-count";
import { personalOrgRefusal } from "@/lib/orgs/deletion";
import type { DeletionPreview } from "@/lib/orgs/deletion-preview";
import { orgHref } from "@/lib/orgs/sections";
import { type DeletionState, loadDangerZonePage, transferCandidateLimit } from "@/lib/pages/danger-zone-page";
import { leaveOrganizationAction, transferOwnershipAction } from "../members/actions";
import { deleteOrganizationAction } from "./actions";
import { DeleteOrganizationForm } from "./_components/delete-organization-form";
import { TeardownCard } from "./_components/teardown-card";
import { LeaveOrganizationButton } from "./_components/leave-organization-button";

export const metadata: Metadata = { title: "Danger Zone" };

type Props = { params: Promise<{ slug: string }> };

const lead = "text-sm text-zinc-700 dark:text-zinc-300";

/** A danger card named by its heading, so each is a region ("Delete organization") of its own. */
function DangerCard({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card tone="danger" aria-labelledby={id} title={<span id={id}>{title}</span>}>
      {children}
    </Card>
  );
}

export default async function DangerZonePage({ params }: Props) {
  const { ctx, deletion, canLeave, transferCandidates, teardown } = await loadDangerZonePage((await params).slug);
  const { org } = ctx;
  const cannotLeave =
    org.kind === "personal"
      ? "You cannot leave your personal organization."
      : "As the owner you cannot leave the organization. Transfer ownership to another member first; you then stay as an admin and may leave.";
  return (
    <div className="max-w-3xl min-w-0 space-y-6">
      <PageHeader title="Danger Zone" description="Actions here cannot be undone from the console. Read what each one does before you confirm." />

      {teardown && <TeardownCard slug={org.slug} name={org.name} teardown={teardown} />}

      {!teardown && (
      <DangerCard id="leave-heading" title="Leave organization">
        {canLeave ? (
          <>
            <p className={lead}>You lose access to {org.name} at once. To come back, someone will have to invite you again.</p>
            <div className="mt-4">
              <LeaveOrganizationButton action={leaveOrganizationAction.bind(null, org.slug)} orgName={org.name} />
            </div>
          </>
        ) : (
          <>
            <p className={lead}>{cannotLeave}</p>
            <div className="mt-4">
              <DisabledButton variant="danger" reason={cannotLeave}>
                Leave organization
              </DisabledButton>
            </div>
          </>
        )}
      </DangerCard>
      )}

      {transferCandidates && (
        <DangerCard id="transfer-heading" title="Transfer ownership">
          <p className={lead}>The member you choose becomes the owner of {org.name}, and you become an admin. Both of you get an email.</p>
          {transferCandidates.length > 0 ? (
            <TransferOwnershipForm
              action={transferOwnershipAction.bind(null, org.slug)}
              candidates={transferCandidates}
              hint={`Admins first, then other members (at most ${transferCandidateLimit}). To find anyone else, search the Members page.`}
            />
          ) : (
            <p className={`mt-3 ${lead}`}>There is no other member to transfer the organization to yet: invite someone first.</p>
          )}
        </DangerCard>
      )}

      {deletion && !teardown && (
        <DangerCard id="delete-heading" title="Delete organization">
          {deletion.state === "personal" ? (
            <p className={lead}>{personalOrgRefusal}</p>
          ) : (
            <>
              <p className={lead}>This is a non-recoverable operation. Deleting {org.name} deletes all of its data:</p>
              <LossList preview={deletion.preview} />
              {ctx.can("org.export") && (
                <div className="mt-4 flex flex-wrap items-center gap-3">
                  <ExportLink slug={org.slug}>Download an export first</ExportLink>
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">A JSON file of all of it but secrets, to keep after the organization is gone.</p>
                </div>
              )}
              <DeleteControl state={deletion.state} preview={deletion.preview} slug={org.slug} />
            </>
          )}
        </DangerCard>
      )}
    </div>
  );
}

function LossList({ preview }: { preview: DeletionPreview }) {
  const rows = [
    { label: "Members", count: preview.members, note: "lose access; their accounts and personal organizations stay" },
    { label: "Pending invitations", count: preview.pendingInvitations, note: "their links stop working" },
    { label: "Projects", count: preview.projects, note: "and everything in them, counted below" },
    { label: "Environments", count: preview.environments, note: "their configuration and cluster placement" },
    { label: "Applications", count: preview.applications, note: "their settings and Git links" },
    { label: "Databases", count: preview.databases, note: "their settings" },
    { label: "Clusters", count: preview.clusters, note: "torn down first; the organization goes when the last teardown succeeds" },
    { label: "Audit events", count: preview.auditEvents, shown: formatAuditEventCount(preview.auditEvents), note: "the whole history of the organization" },
  ];
  const git = preview.gitAccount
    ? `Connected to the GitHub account ${preview.gitAccount}: the connection is removed (uninstall the App on GitHub yourself)`
    : "Not connected";
  return (
    <dl className="mt-3 grid max-w-xl grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="deletion-preview">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="font-medium max-sm:mt-2">{row.label}</dt>
          <dd className="text-zinc-700 dark:text-zinc-300">
            <span className="font-semibold tabular-nums">{row.shown ?? row.count.toLocaleString("en-US")}</span> — {row.note}
          </dd>
        </div>
      ))}
      <div className="contents">
        <dt className="font-medium max-sm:mt-2">Git connection</dt>
        <dd className="break-words text-zinc-700 dark:text-zinc-300">{git}</dd>
      </div>
    </dl>
  );
}

function DeleteControl({ state, preview, slug }: { state: DeletionState; preview: DeletionPreview; slug: string }) {
  if (state === "allowed") return <DeleteOrganizationForm action={deleteOrganizationAction.bind(null, slug)} slug={slug} clusters={preview.clusters} />;
  const reason =
    state === "owner-only"
      ? "Only the owner can delete the organization."
      : "A cluster is in the middle of another action (installing, updating, stopping or starting): wait until it finishes, then delete the organization.";
  return (
    <div className="mt-4 space-y-3">
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        {reason}{" "}
        {state === "busy" && (
          <Link href={orgHref(slug, "settings/clusters")} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            Go to Clusters
          </Link>
        )}
      </p>
      <DisabledButton variant="danger" reason={reason}>
        Delete organization
      </DisabledButton>
    </div>
  );
}
