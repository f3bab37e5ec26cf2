import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";
import type { ActionResult } from "@/lib/actions/result";
import { actorLabel, recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { roleLabels } from "@/lib/authz/permissions";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { type AssignableRole, mayActOn, powerChangeOf, type PowerChangeKind, rolesAssignableBy } from "./rules";

const fail = (formError: string): ActionResult => ({ ok: false, formError });

async function findMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ userId: memberships.userId, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

const displayName = (member: { name: string | null; email: string }) => member.name ?? member.email;

type Person = { name: string; email: string };

/** A role change that gave or took the Admin role: who to tell (the action emails after the commit). */
export type PowerChange = { kind: PowerChangeKind; member: Person; from: MemberRole; to: MemberRole; owner: Person | null };

export type RoleChangeOutcome = ActionResult | { ok: true; message: string; powerChange: PowerChange };

/** Changes a member's role: never one's own, never the owner's, only on those below oneself. */
export async function changeMemberRole(db: Queryable, ctx: OrgContext, input: { userId: string; role: AssignableRole }): Promise<RoleChangeOutcome> {
  return orgTransaction(db, ctx, "member.changeRole", async (tx, actorRole): Promise<RoleChangeOutcome> => {
    const target = await findMember(tx, ctx.org.id, input.userId);
    if (!target) return fail("This person is no longer a member of the organization.");
    if (target.userId === ctx.actor.id) return fail("You cannot change your own role.");
    if (target.role === "owner") return fail("The owner's role cannot be changed. The owner can transfer ownership instead.");
    if (!mayActOn({ userId: ctx.actor.id, role: actorRole }, target)) return fail(`Only the owner can change the role of an ${roleLabels[target.role]}.`);
    if (!rolesAssignableBy(actorRole).includes(input.role)) return fail(`You cannot give the ${roleLabels[input.role]} role.`);
    if (target.role === input.role) return { ok: true, message: `${displayName(target)} already is ${roleLabels[input.role]}.` };
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, target.userId)));
    await recordAudit(tx, ctx, {
      action: "member.role_change",
      targetType: "member",
      targetId: target.userId,
      targetLabel: actorLabel(target),
      before: { role: target.role },
      after: { role: input.role },
    });
    const message = `${displayName(target)} is now ${roleLabels[input.role]}.`;
    const kind = powerChangeOf(target.role, input.role);
    if (!kind) return { ok: true, message };
    // The owner is told unless they made the change themselves (read only for these rare changes).
    const owner = actorRole === "owner" ? null : await findOwner(tx, ctx.org.id);
    const member = { name: displayName(target), email: target.email };
    return { ok: true, message, powerChange: { kind, member, from: target.role, to: input.role, owner: owner && { name: displayName(owner), email: owner.email } } };
  });
}

async function findOwner(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return row ?? null;
}

/** Removes a member, who loses access on their very next request (roles are read per request). */
export async function removeMember(db: Queryable, ctx: OrgContext, input: { userId: string }): Promise<ActionResult> {
  return orgTransaction(db, ctx, "member.remove", async (tx, actorRole) => {
    const target = await findMember(tx, ctx.org.id, input.userId);
    if (!target) return fail("This person is no longer a member of the organization.");
    if (target.userId === ctx.actor.id) return fail("To leave the organization yourself, use Leave organization.");
    if (target.role === "owner") return fail("The owner cannot be removed. The owner can transfer ownership first.");
    if (!mayActOn({ userId: ctx.actor.id, role: actorRole }, target)) return fail(`Only the owner can remove an ${roleLabels[target.role]}.`);
    await deleteMembership(tx, ctx.org.id, target.userId);
    await recordAudit(tx, ctx, {
      action: "member.remove",
      targetType: "member",
      targetId: target.userId,
      targetLabel: actorLabel(target),
      before: { role: target.role },
    });
    return { ok: true, message: `${displayName(target)} was removed from ${ctx.org.name}.` };
  });
}

/** The caller leaves; the owner must transfer ownership first. */
export async function leaveOrganization(db: Queryable, ctx: OrgContext): Promise<ActionResult> {
  return orgTransaction(db, ctx, { permission: "project.read", refused: () => fail("You are no longer a member of this organization.") }, async (tx, role) => {
    if (role === "owner") {
      return fail(
        ctx.org.kind === "personal"
          ? "You cannot leave your personal organization."
          : "The owner cannot leave the organization. Transfer ownership to another member first.",
      );
    }
    await deleteMembership(tx, ctx.org.id, ctx.actor.id);
    await recordAudit(tx, ctx, {
      action: "member.leave",
      targetType: "member",
      targetId: ctx.actor.id,
      targetLabel: actorLabel(ctx.actor),
      before: { role },
    });
    return { ok: true, message: `You left ${ctx.org.name}.` };
  });
}

async function deleteMembership(tx: Tx, orgId: string, userId: string) {
  await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export type TransferOutcome =
  | { ok: true; message: string; previousOwner: { name: string; email: string }; newOwner: { name: string; email: string } }
  | ActionResult & { ok: false };

/**
 * aqua's "promote to owner": in one transaction the member becomes owner and the owner becomes
 * admin. The typed email must be the member's (the server checks it, whatever the page did).
 */
export async function transferOwnership(db: Queryable, ctx: OrgContext, input: { userId: string; confirmEmail: string }): Promise<TransferOutcome> {
  return orgTransaction(db, ctx, { permission: "ownership.transfer", refused: () => ({ ok: false, formError: "Only the owner can transfer ownership." }) }, async (tx, actorRole): Promise<TransferOutcome> => {
    if (ctx.org.kind === "personal") return { ok: false, formError: "A personal organization has no other member to transfer it to." };
    const target = await findMember(tx, ctx.org.id, input.userId);
    if (!target || target.userId === ctx.actor.id) return { ok: false, fieldErrors: { userId: "Choose a member of the organization other than yourself." } };
    if (input.confirmEmail.trim().toLowerCase() !== target.email.toLowerCase()) {
      return { ok: false, fieldErrors: { confirmEmail: `Type ${target.email} to confirm.` }, values: { confirmEmail: input.confirmEmail } };
    }
    // Demote first: the one-owner index is checked per statement.
    await tx.update(memberships).set({ role: "admin" }).where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.actor.id)));
    await tx.update(memberships).set({ role: "owner" }).where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, target.userId)));
    await recordAudit(tx, ctx, {
      action: "ownership.transfer",
      targetType: "member",
      targetId: target.userId,
      targetLabel: actorLabel(target),
      before: { owner: ctx.actor.email, role: target.role },
      after: { owner: target.email, previousOwnerRole: "admin" satisfies MemberRole },
    });
    return {
      ok: true,
      message: `${displayName(target)} is now the owner of ${ctx.org.name}. You are an admin.`,
      previousOwner: { name: displayName(ctx.actor), email: ctx.actor.email },
      newOwner: { name: displayName(target), email: target.email },
    };
  });
}
