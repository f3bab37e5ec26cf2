import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, invitations, memberships, organizations, type Invitation, type Organization, type User } from "@/db/schema";
import type { OrgActionSpec } from "@/lib/actions/define";
import { type HandlerResult, runOrgAction } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import type { Permission } from "@/lib/authz/permissions";
import * as invitationActions from "@/lib/invitations/actions";
import { hashToken, invitationToken } from "@/lib/invitations/token";
import * as memberActionSpecs from "@/lib/members/actions";

// The Members page's own actions (lib/members/actions.ts, lib/invitations/actions.ts), by a short
// name, run through the door every server action goes through (runOrgAction), so authorization is
// tested where it is enforced.

// Links in emails are built from APP_URL, which vitest.config.ts sets for integration tests.
export const testAppUrl = "https://console.test";

export const memberActions = {
  invite: invitationActions.inviteMembers,
  changeRole: memberActionSpecs.changeMemberRole,
  remove: memberActionSpecs.removeMember,
  removeSelected: memberActionSpecs.removeSelectedMembers,
  transfer: memberActionSpecs.transferOwnership,
  resend: invitationActions.resendInvitation,
  revoke: invitationActions.revokeInvitation,
  leave: memberActionSpecs.leaveOrganization,
};

export type MemberActionName = keyof typeof memberActions;

/** Runs one member action as `user` in `org`, as the server action bound to the org's slug would. */
export function act(
  db: Db,
  name: MemberActionName,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string> | FormData = {},
): Promise<HandlerResult> {
  return runOrgAction(memberActions[name] as OrgActionSpec<z.ZodType>, { db, userId: user?.id ?? null, slug: org.slug, input });
}

/** An authorized context, as `authorize` builds it, for calling domain functions directly. */
export async function contextOf(db: Queryable, user: Pick<User, "id">, org: Pick<Organization, "slug">, permission: Permission): Promise<OrgContext> {
  const access = await authorize(db, { userId: user.id, slug: org.slug, permission });
  if (!access.ok) throw new Error(`${user.id} may not ${permission} in ${org.slug}: ${access.reason}`);
  return access.ctx;
}

/**
 * Every row of an organization that a member or invitation change may touch, in a stable order.
 * The organization's kept member count follows the members (so it is compared through them), and
 * is checked against them here on every snapshot.
 */
export async function snapshotMembership(db: Queryable, orgId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db.select().from(memberships).where(eq(memberships.orgId, orgId)).orderBy(asc(memberships.userId));
  const invites = await db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(asc(invitations.id));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  if (row && row.memberCount !== members.length) throw new Error(`member_count is ${row.memberCount} for ${members.length} memberships`);
  const { memberCount: _kept, ...org } = row ?? { memberCount: 0 };
  return { org: row ? org : null, members, invitations: invites, audit };
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
