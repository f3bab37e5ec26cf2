import { randomUUID } from "node:crypto";
import { and, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { roleLabels } from "@/lib/authz/permissions";
import { planUnderLock } from "@/lib/billing/locked-plan";
import { invitationEmail } from "@/lib/mail/templates";
import { sendEmails } from "@/lib/mail/send";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { seatUsage } from "@/lib/members/queries";
import { type AssignableRole, rolesAssignableBy } from "@/lib/members/rules";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import { invitationLimits, rateLimitSettings } from "@/lib/rate-limit/limits";
import { invitationRefusalMessage } from "@/lib/rate-limit/messages";
import { expiryFromNow, hashToken, invitationLink, invitationToken, newTokenNonce } from "./token";

export const maxInvitesAtOnce = 50;

/** Addresses separated by commas, semicolons, spaces or new lines; lowercased, duplicates removed. */
export function splitAddresses(raw: string): string[] {
  return [...new Set(raw.split(/[\s,;]+/).map((a) => a.trim().toLowerCase()).filter(Boolean))];
}

const isEmail = (address: string) => z.email().safeParse(address).success;

/**
 * Invites every address with one role, or none of them: each address that cannot be invited is
 * named with the reason, so the admin fixes the list and sends it again. Seats (members plus
 * pending invitations) are counted under the organization's lock, so two admins inviting at once
 * cannot overshoot the plan. Emails go out after the commit. Each address is one invitation email
 * against the organization's and the inviter's hourly limits, counted in the same transaction.
 */
export async function inviteMembers(
  db: Queryable,
  ctx: OrgContext,
  input: { emails: string[]; role: AssignableRole; appUrl: string },
  limits: { settings?: typeof rateLimitSettings; now?: Date } = {},
): Promise<ActionResult> {
  if (ctx.org.kind === "personal") {
    return { ok: false, formError: "A personal organization cannot have members. Create a team organization to work with others." };
  }
  // Stored lowercased and once each, whoever calls this (the form's parsing does it too): the
  // pending index, the "already a member" check and accepting all compare lowercased addresses.
  const emails = [...new Set(input.emails.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const invalid = emails.filter((a) => !isEmail(a));
  if (emails.length === 0) return { ok: false, fieldErrors: { emails: "Enter at least one email address." } };
  if (invalid.length > 0) return { ok: false, fieldErrors: { emails: `Not a valid email address: ${invalid.join(", ")}.` } };
  if (emails.length > maxInvitesAtOnce) return { ok: false, fieldErrors: { emails: `Invite at most ${maxInvitesAtOnce} addresses at once.` } };

  const outcome = await orgTransaction(db, ctx, "member.invite", async (tx, actorRole) => {
    if (!rolesAssignableBy(actorRole).includes(input.role)) {
      return { ok: false as const, fieldErrors: { role: `You cannot give the ${roleLabels[input.role]} role.` } };
    }
    // An expired invitation no longer holds its address or a seat.
    await tx
      .update(invitations)
      .set({ status: "expired" })
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.status, "pending"), lte(invitations.expiresAt, sql`now()`)));
    const lowered = sql.join(emails.map((e) => sql`${e}`), sql`, `);
    const members = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.org.id), sql`lower(${users.email}) in (${lowered})`));
    const pending = await tx
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.status, "pending"), sql`lower(${invitations.email}) in (${lowered})`));
    const problems = [
      ...members.map((m) => `${m.email} is already a member.`),
      ...pending.map((p) => `${p.email} is already invited: resend the invitation from Pending invitations instead.`),
    ];
    if (problems.length > 0) return { ok: false as const, fieldErrors: { emails: problems.join(" ") } };

    // The plan as committed under the lock: a downgrade may have committed while this waited.
    const plan = await planUnderLock(tx, ctx.org.id);
    const limit = plan.members;
    const used = await seatUsage(tx, ctx.org.id);
    if (limit !== null && used.members + used.pending + emails.length > limit) {
      const left = Math.max(0, limit - used.members - used.pending);
      return {
        ok: false as const,
        fieldErrors: {
          emails: `The ${plan.label} plan allows ${limit} members, pending invitations included. ${used.members + used.pending} ${used.members + used.pending === 1 ? "seat is" : "seats are"} used, so you can invite ${left} more.`,
        },
      };
    }

    // Last of the checks, so that only invitations that are really sent are counted.
    const allowed = await consumeRateLimits(tx, invitationLimits({ orgId: ctx.org.id, inviterId: ctx.actor.id }, limits.settings), {
      cost: emails.length,
      now: limits.now,
    });
    if (!allowed.ok) return { ok: false as const, fieldErrors: { emails: invitationRefusalMessage(allowed.refusal, limits.now) } };

    const expiresAt = expiryFromNow();
    const rows = emails.map((email) => {
      const id = randomUUID();
      const tokenNonce = newTokenNonce();
      return { id, email, tokenNonce, token: invitationToken(id, tokenNonce) };
    });
    await tx.insert(invitations).values(
      rows.map(({ id, email, tokenNonce, token }) => ({
        id,
        orgId: ctx.org.id,
        email,
        role: input.role,
        tokenNonce,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.id,
        expiresAt,
      })),
    );
    for (const row of rows) {
      await recordAudit(tx, ctx, {
        action: "invitation.create",
        targetType: "invitation",
        targetId: row.id,
        targetLabel: row.email,
        after: { email: row.email, role: input.role },
      });
    }
    return { ok: true as const, rows, expiresAt };
  });
  if (!outcome.ok) return outcome;

  const inviterName = ctx.actor.name ?? ctx.actor.email;
  const unsent = await sendEmails(
    outcome.rows.map((row) =>
      invitationEmail({ to: row.email, orgName: ctx.org.name, inviterName, role: input.role, link: invitationLink(input.appUrl, row.token), expiresAt: outcome.expiresAt }),
    ),
  );
  const invited = `Invited ${outcome.rows.length === 1 ? outcome.rows[0].email : `${outcome.rows.length} people`} as ${roleLabels[input.role]}.`;
  return unsent.length === 0
    ? { ok: true, message: invited }
    : { ok: true, message: `${invited} The email to ${unsent.join(", ")} could not be sent: copy the invitation link from Pending invitations and send it yourself, or resend later.` };
}
