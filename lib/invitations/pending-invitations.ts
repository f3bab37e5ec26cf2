import { and, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { invitationEmail } from "@/lib/mail/templates";
import { sendEmails } from "@/lib/mail/send";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { consumeRateLimits, RateLimitedError } from "@/lib/rate-limit/consume";
import { rateLimitSettings, resendLimits } from "@/lib/rate-limit/limits";
import { invitationRefusalMessage } from "@/lib/rate-limit/messages";
import { expiryFromNow, invitationLink, invitationToken } from "./token";

const gone = "This invitation is no longer pending: it was accepted, declined, revoked or has expired.";

// Scoped by the organization `authorize` resolved: an invitation id from another organization
// matches nothing.
const pendingIn = (ctx: OrgContext, invitationId: string) =>
  and(eq(invitations.id, invitationId), eq(invitations.orgId, ctx.org.id), eq(invitations.status, "pending"));

/**
 * Sends the same invitation again with a fresh 7-day expiry, counting the resends. The email counts
 * against the invitation's daily resends and the organization's and inviter's hourly invitations;
 * a refusal rolls the whole resend back.
 */
export async function resendInvitation(
  db: Queryable,
  ctx: OrgContext,
  input: { invitationId: string; appUrl: string },
  limits: { settings?: typeof rateLimitSettings; now?: Date } = {},
): Promise<ActionResult> {
  try {
    return await resendUnlessLimited(db, ctx, input, limits);
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, formError: invitationRefusalMessage(error.refusal, limits.now) };
    throw error;
  }
}

async function resendUnlessLimited(
  db: Queryable,
  ctx: OrgContext,
  input: { invitationId: string; appUrl: string },
  limits: { settings?: typeof rateLimitSettings; now?: Date },
): Promise<ActionResult> {
  const updated = await orgTransaction(db, ctx, { permission: "member.invite", refused: () => null }, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ expiresAt: expiryFromNow(), lastSentAt: new Date(), resentCount: sql`${invitations.resentCount} + 1` })
      // An expired invitation gave its seat back: invite the address again instead.
      .where(and(pendingIn(ctx, input.invitationId), gt(invitations.expiresAt, sql`now()`)))
      .returning();
    if (!row) return undefined;
    const allowed = await consumeRateLimits(tx, resendLimits({ orgId: ctx.org.id, inviterId: ctx.actor.id, invitationId: row.id }, limits.settings), {
      now: limits.now,
    });
    if (!allowed.ok) throw new RateLimitedError(allowed.refusal);
    await recordAudit(tx, ctx, {
      action: "invitation.resend",
      targetType: "invitation",
      targetId: row.id,
      targetLabel: row.email,
      after: { expiresAt: row.expiresAt.toISOString(), resentCount: row.resentCount },
    });
    return row;
  });
  if (updated === null) return { ok: false, formError: staleAccess };
  if (!updated) return { ok: false, formError: gone };
  const link = invitationLink(input.appUrl, invitationToken(updated.id, updated.tokenNonce));
  const unsent = await sendEmails([
    invitationEmail({ to: updated.email, orgName: ctx.org.name, inviterName: ctx.actor.name ?? ctx.actor.email, role: updated.role, link, expiresAt: updated.expiresAt }),
  ]);
  return unsent.length === 0
    ? { ok: true, message: `Invitation sent again to ${updated.email}.` }
    : { ok: false, formError: `The email to ${updated.email} could not be sent. Copy the invitation link and send it yourself.` };
}

/** Revokes a pending invitation: its link stops working at once. */
export async function revokeInvitation(db: Queryable, ctx: OrgContext, input: { invitationId: string }): Promise<ActionResult> {
  return orgTransaction(db, ctx, "member.invite", async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: "revoked", respondedAt: new Date() })
      .where(pendingIn(ctx, input.invitationId))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!row) return { ok: false, formError: gone };
    await recordAudit(tx, ctx, { action: "invitation.revoke", targetType: "invitation", targetId: row.id, targetLabel: row.email, before: { email: row.email, role: row.role } });
    return { ok: true, message: `The invitation for ${row.email} was revoked.` };
  });
}

/** The link of a pending invitation, for an admin to copy and send another way. */
export async function pendingInvitationLink(db: Queryable, ctx: OrgContext, input: { invitationId: string; appUrl: string }): Promise<string | null> {
  const [row] = await db
    .select({ id: invitations.id, tokenNonce: invitations.tokenNonce })
    .from(invitations)
    .where(and(pendingIn(ctx, input.invitationId), gt(invitations.expiresAt, sql`now()`)));
  return row ? invitationLink(input.appUrl, invitationToken(row.id, row.tokenNonce)) : null;
}
