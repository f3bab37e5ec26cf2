import type { Metadata } from "next";
import Link from "next/link";
import { DisabledButton } from "@/components/ui/disabled-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { RoleRequired } from "@/components/ui/role-required";
import { SearchForm } from "@/components/ui/search-form";
import { TabLinks } from "@/components/ui/tab-links";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { deniedReason } from "@/lib/authz/permissions";
import { loadMembersPage, type MembersPage } from "@/lib/pages/members-page";
import {
  approveJoinRequestAction,
  changeMemberRoleAction,
  declineJoinRequestAction,
  invitationLinkAction,
  inviteMembersAction,
  leaveOrganizationAction,
  removeMemberAction,
  removeSelectedMembersAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "./actions";
import { InvitationsDialogs } from "./_components/invitations-dialogs";
import { InvitationsTable } from "./_components/invitations-table";
import { InviteDialog } from "./_components/invite-dialog";
import { JoinRequestsTab } from "./_components/join-requests-tab";
import { MembersDialogs } from "./_components/members-dialogs";
import { MembersTable } from "./_components/members-table";
import { BulkRemoveBar } from "./_components/on-demand";
import { InactiveFilter } from "./_components/inactive-filter";
import { MemberSelection } from "./_components/member-selection";

export const metadata: Metadata = { title: "Members" };

type OrgFormAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const muted = "text-sm text-zinc-700 dark:text-zinc-300";
const frame = "md:overflow-x-auto md:rounded-lg md:border md:border-zinc-200 md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900";

export default async function MembersPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await loadMembersPage(slug, { tab: first(search.tab), q: first(search.q), after: first(search.after), inactive: first(search.inactive) });
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const page = access.page;
  const { org } = page.ctx;
  const basePath = `/orgs/${org.slug}/settings/members`;
  const invitationsHref = `${basePath}?tab=invitations`;
  const bound = (action: OrgFormAction) => action.bind(null, org.slug);
  const bulk = page.can.remove && !page.personal;
  const full = page.seats.limit !== null && page.seats.used >= page.seats.limit;
  return (
    <div className="max-w-5xl min-w-0">
      <PageHeader
        id="members-heading"
        title="Members"
        description={`Everyone in ${org.name}, with their role. Owners and admins manage who is in and what they may do.`}
        actions={<InviteAction page={page} action={bound(inviteMembersAction)} />}
      />
      {page.can.invite && !page.personal && (
        <p className={`-mt-3 mb-4 ${muted}`} data-testid="seat-usage">
          {page.seats.used} of {page.seats.limit ?? "unlimited"} seats used ({page.seats.pending} pending)
          {full && <span className="text-amber-800 dark:text-amber-300"> · the {page.seats.planLabel} plan is full</span>}
        </p>
      )}
      <TabLinks
        label="Members and invitations"
        tabs={[
          { href: basePath, label: "Members", count: page.counts.members, current: page.tab === "members" },
          ...(page.can.invite ? [{ href: invitationsHref, label: "Invitations", count: page.counts.invitations, current: page.tab === "invitations" }] : []),
          ...(page.can.invite ? [{ href: `${basePath}?tab=requests`, label: "Requests", count: page.counts.requests, current: page.tab === "requests" }] : []),
        ]}
      />
      <div className="mt-4 space-y-3">
        {page.members && (
          <MembersDialogs
            orgName={org.name}
            personal={page.personal}
            roles={page.roles}
            denied={{
              changeRole: page.can.changeRole ? undefined : deniedReason("member.changeRole"),
              transfer: page.can.transfer ? undefined : deniedReason("ownership.transfer"),
              remove: page.can.remove ? undefined : deniedReason("member.remove"),
            }}
            actions={{
              changeRole: bound(changeMemberRoleAction),
              transfer: bound(transferOwnershipAction),
              remove: bound(removeMemberAction),
              leave: bound(leaveOrganizationAction),
            }}
          >
            <SearchForm action={basePath} name="Members" label="Search members" query={page.query} placeholder="Name or email" keep={page.inactive ? { inactive: String(page.inactive) } : {}} />
            <InactiveFilter basePath={basePath} query={page.query} inactive={page.inactive} />
            {/* Keyed by the listing: a selection never outlives the rows it was made on. */}
            <MemberSelection key={`${page.query}|${page.inactive}|${page.after}`}>
              {bulk && page.members.length > 0 && <BulkRemoveBar orgName={org.name} action={bound(removeSelectedMembersAction)} />}
              {page.members.length > 0 && (
                <div className={frame}>
                  <MembersTable orgName={org.name} members={page.members} selectable={bulk} />
                </div>
              )}
            </MemberSelection>
            <MembersPaging page={page} basePath={basePath} />
          </MembersDialogs>
        )}
        {page.invitations && (
          <InvitationsDialogs actions={{ resend: bound(resendInvitationAction), revoke: bound(revokeInvitationAction), link: bound(invitationLinkAction) }}>
            {page.invitations.total === 0 ? (
              <EmptyState title="No pending invitation">Invitations you send appear here until they are answered.</EmptyState>
            ) : (
              <>
                <div className={frame}>
                  <InvitationsTable invitations={page.invitations.invitations} />
                </div>
                {page.invitations.total > page.invitations.invitations.length && (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    Showing the {page.invitations.invitations.length} most recently sent of {page.invitations.total} pending invitations.
                  </p>
                )}
              </>
            )}
          </InvitationsDialogs>
        )}
        {page.requests && <JoinRequestsTab page={page} actions={{ approve: bound(approveJoinRequestAction), decline: bound(declineJoinRequestAction) }} />}
      </div>
      {page.tab === "members" && page.can.transfer && (
        <section aria-labelledby="transfer-heading" className="mt-10 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="transfer-heading" className="font-semibold">
            Transfer ownership
          </h2>
          <p className={`mt-1 ${muted}`}>
            Open the menu on the row of the member who should own {org.name} and choose Transfer ownership…. You become an admin. It is also in the{" "}
            <Link href={`/orgs/${org.slug}/settings/danger-zone`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              Danger Zone
            </Link>
            .
          </p>
        </section>
      )}
    </div>
  );
}

type InviteActionProps = { page: MembersPage; action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/** "Invite members" where one looks for it; when it cannot be used, it says why. */
function InviteAction({ page, action }: InviteActionProps) {
  if (!page.can.invite) return <DisabledButton reason={deniedReason("member.invite")}>Invite members</DisabledButton>;
  if (page.personal) {
    return <DisabledButton reason="A personal organization cannot have other members: create a team organization to work with others.">Invite members</DisabledButton>;
  }
  return <InviteDialog action={action} roles={page.roles} seats={page.seats} />;
}

/** Keyset paging: first page and next page, keeping the search and the activity filter. */
function MembersPaging({ page, basePath }: { page: MembersPage; basePath: string }) {
  const shown = page.members?.length ?? 0;
  const inactive = page.inactive ? ` inactive for ${page.inactive} days` : "";
  const what = `${inactive}${page.query ? ` matching “${page.query}”` : ""}`;
  const status =
    shown === 0
      ? page.query || page.inactive
        ? `No member${inactive}${page.query ? ` matches “${page.query}”` : ""}.`
        : "No more members."
      : `Showing ${shown} member${shown === 1 ? "" : "s"}${what}${page.after ? " (later page)" : ""}.`;
  return (
    <Pagination
      label="Members pages"
      status={status}
      first={page.after ? { href: hrefWith(basePath, { q: page.query, inactive: page.inactive ? String(page.inactive) : null }), label: "First page" } : null}
      next={page.nextCursor ? { href: hrefWith(basePath, { q: page.query, inactive: page.inactive ? String(page.inactive) : null, after: page.nextCursor }), label: "Next page" } : null}
    />
  );
}
