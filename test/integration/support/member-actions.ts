import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, invitations, memberships, organizations, type Invitation, type Organization, type User } from "@/db/schema";
import { type HandlerResult, type OrgActionDefinition, type OrgHandler, runOrgAction } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import type { Permission } from "@/lib/authz/permissions";
import { inviteMembers, splitAddresses } from "@/lib/invitations/invite";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/manage";
import { hashToken, invitationToken } from "@/lib/invitations/token";
import { sendEmails } from "@/lib/mail/send";
import { ownershipTransferredEmails } from "@/lib/mail/templates";
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from "@/lib/members/change";
import { assignableRoles, rolesAssignableBy } from "@/lib/members/rules";

// The member mutations as the Members page's server actions declare them: the same permission at
// the door, the same kind of schema, the same domain call. Tests run them through runOrgAction, the
// door every server action goes through, so authorization is tested where it is enforced.

export const testAppUrl = "https://console.test";

// Mirrors app/(console)/orgs/[slug]/settings/members/actions.ts (a "use server" module bound to
// the request, so it cannot be imported here): keep the two in step.
const member = z.object({ userId: z.uuid("Choose a member of the organization.") });
const role = z.enum(assignableRoles, "Choose Admin, Developer or Viewer.");

export const memberSchemas = {
  invite: z.object({
    emails: z.string().max(20_000, "That list is too long: invite at most 50 addresses at once.").transform(splitAddresses),
    role,
  }),
  changeRole: member.extend({ role }),
  remove: member,
  transfer: member.extend({ confirmEmail: z.string().max(320) }),
  invitation: z.object({ invitationId: z.uuid("This invitation does not exist.") }),
  leave: z.object({}),
};

type Call = { db: Db; userId: string | null; slug: string; input: Record<string, string> | FormData };
type Action = { permission: Permission; run: (call: Call) => Promise<HandlerResult> };

function action<Schema extends z.ZodType>(definition: OrgActionDefinition<Schema>, handler: OrgHandler<Schema>): Action {
  return { permission: definition.permission, run: (call) => runOrgAction(definition, handler, call) };
}

export const memberActions = {
  invite: action({ permission: "member.invite", schema: memberSchemas.invite }, async (ctx, input, db) => {
    if (!rolesAssignableBy(ctx.role).includes(input.role)) return { ok: false, fieldErrors: { role: "You cannot give this role." } };
    return inviteMembers(db, ctx, { ...input, appUrl: testAppUrl });
  }),
  changeRole: action({ permission: "member.changeRole", schema: memberSchemas.changeRole }, (ctx, input, db) =>
    changeMemberRole(db, ctx, input),
  ),
  remove: action({ permission: "member.remove", schema: memberSchemas.remove }, (ctx, input, db) => removeMember(db, ctx, input)),
  transfer: action({ permission: "ownership.transfer", schema: memberSchemas.transfer }, async (ctx, input, db) => {
    const outcome = await transferOwnership(db, ctx, input);
    if (!outcome.ok) return outcome;
    await sendEmails(
      ownershipTransferredEmails({
        orgName: ctx.org.name,
        previousOwner: outcome.previousOwner,
        newOwner: outcome.newOwner,
        link: `${testAppUrl}/orgs/${ctx.org.slug}`,
      }),
    );
    return { ok: true, message: outcome.message };
  }),
  resend: action({ permission: "member.invite", schema: memberSchemas.invitation }, (ctx, input, db) =>
    resendInvitation(db, ctx, { ...input, appUrl: testAppUrl }),
  ),
  revoke: action({ permission: "member.invite", schema: memberSchemas.invitation }, (ctx, input, db) => revokeInvitation(db, ctx, input)),
  // Any member may leave: the door asks for the permission every role holds.
  leave: action({ permission: "project.read", schema: memberSchemas.leave }, (ctx, _input, db) => leaveOrganization(db, ctx)),
} satisfies Record<string, Action>;

export type MemberActionName = keyof typeof memberActions;

/** Runs one member action as `user` in `org`, as the server action bound to the org's slug would. */
export function act(
  db: Db,
  name: MemberActionName,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string> | FormData = {},
): Promise<HandlerResult> {
  return memberActions[name].run({ db, userId: user?.id ?? null, slug: org.slug, input });
}

/** An authorized context, as `authorize` builds it, for calling domain functions directly. */
export async function contextOf(db: Queryable, user: Pick<User, "id">, org: Pick<Organization, "slug">, permission: Permission): Promise<OrgContext> {
  const access = await authorize(db, { userId: user.id, slug: org.slug, permission });
  if (!access.ok) throw new Error(`${user.id} may not ${permission} in ${org.slug}: ${access.reason}`);
  return access.ctx;
}

/** Every row of an organization that a member or invitation change may touch, in a stable order. */
export async function snapshotMembership(db: Queryable, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db.select().from(memberships).where(eq(memberships.orgId, orgId)).orderBy(asc(memberships.userId));
  const invites = await db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(asc(invitations.id));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  return { org: org ?? null, members, invitations: invites, audit };
}

export async function roleOf(db: Queryable, org: Pick<Organization, "id">, user: Pick<User, "id">) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
  return row?.role ?? null;
}

export async function invitationsOf(db: Queryable, orgId: string): Promise<Invitation[]> {
  return db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(asc(invitations.createdAt), asc(invitations.email));
}

/** The link token of a stored invitation, rebuilt as "Copy link" does; checked against the stored hash. */
export function tokenOf(invitation: Pick<Invitation, "id" | "tokenNonce" | "tokenHash">): string {
  const token = invitationToken(invitation.id, invitation.tokenNonce);
  if (hashToken(token) !== invitation.tokenHash) throw new Error("the rebuilt token does not match the stored hash");
  return token;
}

export async function auditActions(db: Queryable, orgId: string): Promise<string[]> {
  const rows = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  return rows.map((row) => row.action);
}
