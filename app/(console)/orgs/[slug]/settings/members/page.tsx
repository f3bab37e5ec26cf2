import type { Metadata } from "next";
import { TransferOwnershipForm } from "@/components/members/transfer-ownership-form";
import { RoleRequired } from "@/components/ui/role-required";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { loadMembersPage } from "@/lib/pages/members-page";
import {
  changeMemberRoleAction,
  invitationLinkAction,
  inviteMembersAction,
  leaveOrganizationAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "./actions";
import { InviteForm } from "./_components/invite-form";
import { MembersPagination, MembersSearch } from "./_components/members-search";
import { MembersTable } from "./_components/members-table";
import { PendingInvitations } from "./_components/pending-invitations";

export const metadata: Metadata = { title: "Members" };

type OrgFormAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";

export default async function MembersPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await loadMembersPage(slug, { q: first(search.q), after: first(search.after) });
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, members, roles, invite, pending, transferCandidates, query, after, nextCursor } = access.page;
  const { org } = ctx;
  const basePath = `/orgs/${org.slug}/settings/members`;
  const bound = (action: OrgFormAction) => action.bind(null, org.slug);
  return (
    <div className="max-w-4xl space-y-12">
      <section aria-labelledby="members-heading">
        <h1 id="members-heading" tabIndex={-1} className="text-xl font-semibold">Members</h1>
        <p className={lead}>Everyone in {org.name}, with their role. Owners and admins manage who is in and what they may do.</p>
        <div className="mt-4 space-y-3">
          <MembersSearch basePath={basePath} query={query} />
          <MembersTable
            orgName={org.name}
            members={members}
            roles={roles}
            actions={{ changeRole: bound(changeMemberRoleAction), remove: bound(removeMemberAction), leave: bound(leaveOrganizationAction) }}
          />
        </div>
        <MembersPagination basePath={basePath} query={query} shown={members.length} after={after} nextCursor={nextCursor} />
      </section>

      {invite && (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="text-lg font-semibold">Invite member</h2>
          {invite.personal ? (
            <p className={lead}>
              This is your personal organization: it cannot have other members. Create a team organization from the organization menu to work with
              others.
            </p>
          ) : (
            <>
              <p className={lead}>Invited people join with the role you choose once they accept. Pending invitations count as seats.</p>
              <InviteForm action={bound(inviteMembersAction)} roles={roles} seats={invite.seats} />
            </>
          )}
        </section>
      )}

      {pending && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" tabIndex={-1} className="text-lg font-semibold">Pending invitations</h2>
          <PendingInvitations pending={pending} actions={{ resend: bound(resendInvitationAction), revoke: bound(revokeInvitationAction), link: bound(invitationLinkAction) }} />
        </section>
      )}

      {transferCandidates && (
        <section aria-labelledby="transfer-heading" className="rounded-lg border border-red-200 p-5 dark:border-red-900">
          <h2 id="transfer-heading" className="text-lg font-semibold">Transfer ownership</h2>
          <p className={lead}>
            The member you choose becomes the owner of {org.name}, with every right over it, deletion included. You become an admin. Both of you
            get an email.
          </p>
          {transferCandidates.length > 0 ? (
            <TransferOwnershipForm
              action={bound(transferOwnershipAction)}
              candidates={transferCandidates}
              hint="Lists the members shown above; search the member list to find someone else."
            />
          ) : (
            <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
              {query ? "No other member matches your search." : "There is no other member to transfer the organization to yet: invite someone first."}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
