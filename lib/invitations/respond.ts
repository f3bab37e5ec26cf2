import { and, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import type { InvitationStatus } from "@/db/schema/values";
import { recordAudit } from "@/lib/audit/record";
import { inviteeContext } from "@/lib/authz/system-contexts";
import { hashToken, tokenMatches } from "./token";

export type InvitationView = {
  id: string;
  email: string;
  role: "admin" | "developer" | "viewer";
  state: Exclude<InvitationStatus, "pending"> | "pending";
  expiresAt: Date;
  org: { id: string; slug: string; name: string };
  inviterName: string | null;
};

/** What the invitation page shows for a token, or null for a token that matches nothing. */
export async function findInvitationByToken(db: Queryable, token: string): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      tokenHash: invitations.tokenHash,
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name },
      inviterName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row || !tokenMatches(row.tokenHash, token)) return null;
  const state = row.status === "pending" && row.expiresAt <= new Date() ? "expired" : row.status;
  return {
    id: row.id,
    email: row.email,
    role: row.role as InvitationView["role"],
    state,
    expiresAt: row.expiresAt,
    org: row.org,
    inviterName: row.inviterName,
  };
}

export type RespondResult =
  | { ok: true; orgSlug: string; orgName: string }
  | { ok: false; reason: "not-found" | "wrong-account" | "no-longer-pending"; message: string };

type Invitee = { id: string; name: string | null; email: string };

/**
 * Accepts at most once, whatever the interleaving: the organization row is locked (as every
 * membership change does) and the invitation moves from pending to accepted in the same
 * transaction that creates the membership.
 */
export async function acceptInvitation(db: Queryable, invitee: Invitee, token: string): Promise<RespondResult> {
  return respond(db, invitee, token, "accepted");
}

export async function declineInvitation(db: Queryable, invitee: Invitee, token: string): Promise<RespondResult> {
  return respond(db, invitee, token, "declined");
}

async function respond(db: Queryable, invitee: Invitee, token: string, answer: "accepted" | "declined"): Promise<RespondResult> {
  const found = await findInvitationByToken(db, token);
  if (!found) return { ok: false, reason: "not-found", message: "This invitation link is not valid." };
  if (found.email !== invitee.email.toLowerCase()) {
    return { ok: false, reason: "wrong-account", message: `This invitation is for ${found.email}. Sign in with that email to answer it.` };
  }
  return db.transaction(async (tx): Promise<RespondResult> => {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, found.org.id))
      .for("no key update");
    const [claimed] = await tx
      .update(invitations)
      .set({ status: answer, respondedAt: new Date() })
      .where(and(eq(invitations.id, found.id), eq(invitations.status, "pending"), gt(invitations.expiresAt, sql`now()`)))
      .returning({ role: invitations.role });
    if (!org) return { ok: false, reason: "no-longer-pending", message: "This organization was deleted: the invitation no longer leads anywhere." };
    if (!claimed) {
      return { ok: false, reason: "no-longer-pending", message: "This invitation is no longer pending: it was already answered, revoked, or has expired." };
    }
    const ctx = inviteeContext(invitee, org, claimed.role);
    if (answer === "accepted") {
      await tx.insert(memberships).values({ orgId: org.id, userId: invitee.id, role: claimed.role }).onConflictDoNothing();
      await tx.update(users).set({ lastActiveOrgId: org.id }).where(eq(users.id, invitee.id));
    }
    await recordAudit(tx, ctx, {
      action: answer === "accepted" ? "invitation.accept" : "invitation.decline",
      targetType: "invitation",
      targetId: found.id,
      targetLabel: found.email,
      after: { role: claimed.role },
    });
    return { ok: true, orgSlug: org.slug, orgName: org.name };
  });
}

/**
 * Pending invitations addressed to the signed-in user's email, for the switcher's "Join" — not
 * those of organizations the user already belongs to. Newest first (`createdAt` says so where this
 * is a subquery: lib/pages/switcher-offers.ts).
 */
export function invitationsForEmailQuery(db: Queryable, email: string) {
  return db
    .select({ id: invitations.id, orgName: organizations.name, role: invitations.role, tokenNonce: invitations.tokenNonce, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, sql`now()`),
        sql`not exists (select 1 from ${memberships} m join ${users} u on u.id = m.user_id
                        where m.org_id = ${invitations.orgId} and lower(u.email) = ${email.toLowerCase()})`,
      ),
    )
    .orderBy(sql`${invitations.createdAt} desc`)
    .limit(20);
}
