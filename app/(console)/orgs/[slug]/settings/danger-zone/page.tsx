import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAction } from "@/components/members/confirm-action";
import { TransferOwnershipForm } from "@/components/members/transfer-ownership-form";
import { formatAuditEventCount } from "@/lib/orgs/audit-event-count";
import { type DeletionPreview, personalOrgRefusal } from "@/lib/orgs/deletion";
import { orgHref } from "@/lib/orgs/sections";
import { type DeletionState, loadDangerZonePage, transferCandidateLimit } from "@/lib/pages/danger-zone-page";
import { leaveOrganizationAction, transferOwnershipAction } from "../members/actions";
import { deleteOrganizationAction } from "./actions";
import { DeleteOrganizationForm, DisabledDeleteButton } from "./_components/delete-organization-form";

export const metadata: Metadata = { title: "Danger Zone" };

type Props = { params: Promise<{ slug: string }> };

const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";
const box = "rounded-lg border border-red-200 p-5 dark:border-red-900";

export default async function DangerZonePage({ params }: Props) {
  const { ctx, deletion, canLeave, transferCandidates } = await loadDangerZonePage((await params).slug);
  const { org } = ctx;
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Danger Zone</h1>
        <p className={lead}>Actions here cannot be undone from the console. Read what each one does before you confirm.</p>
      </div>

      <section aria-labelledby="leave-heading" className={box}>
        <h2 id="leave-heading" className="text-lg font-semibold">Leave organization</h2>
        {canLeave ? (
          <>
            <p className={lead}>You lose access to {org.name} at once. To come back, someone will have to invite you again.</p>
            <div className="mt-4">
              <ConfirmAction trigger="Leave organization" title={`Leave ${org.name}?`} confirm="Leave organization" pendingLabel="Leaving…" action={leaveOrganizationAction.bind(null, org.slug)}>
                You lose access to {org.name} at once, including its projects and settings.
              </ConfirmAction>
            </div>
          </>
        ) : (
          <p className={lead}>
            {org.kind === "personal"
              ? "You cannot leave your personal organization."
              : "As the owner you cannot leave the organization. Transfer ownership to another member first; you then stay as an admin and may leave."}
          </p>
        )}
      </section>

      {transferCandidates && (
        <section aria-labelledby="transfer-heading" className={box}>
          <h2 id="transfer-heading" className="text-lg font-semibold">Transfer ownership</h2>
          <p className={lead}>The member you choose becomes the owner of {org.name}, and you become an admin. Both of you get an email.</p>
          {transferCandidates.length > 0 ? (
            <TransferOwnershipForm
              action={transferOwnershipAction.bind(null, org.slug)}
              candidates={transferCandidates}
              hint={`Admins first, then other members (at most ${transferCandidateLimit}). To find anyone else, search the Members page.`}
            />
          ) : (
            <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">There is no other member to transfer the organization to yet: invite someone first.</p>
          )}
        </section>
      )}

      {deletion && (
        <section aria-labelledby="delete-heading" className={box}>
          <h2 id="delete-heading" className="text-lg font-semibold">Delete organization</h2>
          {deletion.state === "personal" ? (
            <p className={lead}>{personalOrgRefusal}</p>
          ) : (
            <>
              <p className={lead}>This is a non-recoverable operation. Deleting {org.name} deletes all of its data:</p>
              <LossList preview={deletion.preview} />
              <DeleteControl state={deletion.state} preview={deletion.preview} slug={org.slug} />
            </>
          )}
        </section>
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
    { label: "Clusters", count: preview.clusters, note: "must be deleted first" },
    { label: "Audit events", count: preview.auditEvents, shown: formatAuditEventCount(preview.auditEvents), note: "the whole history of the organization" },
  ];
  const git = preview.gitAccount
    ? `Connected to the GitHub account ${preview.gitAccount}: the connection is removed (uninstall the App on GitHub yourself)`
    : "Not connected";
  return (
    <dl className="mt-3 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-testid="deletion-preview">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="font-medium">{row.label}</dt>
          <dd className="text-zinc-700 dark:text-zinc-300">
            <span className="font-semibold tabular-nums">{row.shown ?? row.count.toLocaleString("en-US")}</span> — {row.note}
          </dd>
        </div>
      ))}
      <div className="contents">
        <dt className="font-medium">Git connection</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">{git}</dd>
      </div>
    </dl>
  );
}

function DeleteControl({ state, preview, slug }: { state: DeletionState; preview: DeletionPreview; slug: string }) {
  if (state === "allowed") return <DeleteOrganizationForm action={deleteOrganizationAction.bind(null, slug)} slug={slug} />;
  const reason =
    state === "owner-only" ? (
      "Only the owner can delete the organization."
    ) : (
      <>
        {preview.clusters === 1 ? "A cluster still exists" : `${preview.clusters} clusters still exist`}: they hold real infrastructure and must be deleted
        first.{" "}
        <Link href={orgHref(slug, "settings/clusters")} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Go to Clusters
        </Link>
      </>
    );
  return (
    <div className="mt-4 space-y-3">
      <p id="delete-blocked-reason" className="text-sm text-zinc-800 dark:text-zinc-200">
        {reason}
      </p>
      <DisabledDeleteButton reason="delete-blocked-reason" />
    </div>
  );
}
