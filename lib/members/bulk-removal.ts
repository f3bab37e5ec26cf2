import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { actorLabel, recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import type { MemberRole } from "@/db/schema/values";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { plural, pluralWord } from "@/lib/format";
import { mayActOn } from "./rules";

// Access review's bulk removal: the selected members leave in one transaction, each with the
// member.remove audit event single removal writes, under the same rules (lib/members/rules.ts).
// A batch with anyone the caller may not remove is refused whole, naming them: nothing is removed.

export const bulkRemovalLimit = 100;

const selection = "Select the members to remove again.";

/** The form sends the selection as one comma-separated field; only the ids are read from it. */
export const bulkRemovalSchema = z.object({
  userIds: z
    .string(selection)
    .max(bulkRemovalLimit * 40, `Select at most ${bulkRemovalLimit} members at a time.`)
    .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.uuid(selection))
        .min(1, "Select at least one member to remove.")
        .max(bulkRemovalLimit, `Select at most ${bulkRemovalLimit} members at a time.`),
    ),
});

const fail = (formError: string): ActionResult => ({ ok: false, formError });
const displayName = (member: { name: string | null; email: string }) => member.name ?? member.email;
const names = (members: { name: string | null; email: string }[]) => members.map(displayName).join(", ");

/** Removes every selected member, or none of them. Who was removed loses access on their next request. */
export async function removeMembers(db: Queryable, ctx: OrgContext, input: { userIds: string[] }): Promise<ActionResult> {
  return orgTransaction(db, ctx, "member.remove", async (tx, actorRole) => {
    // Read within this organization only: an id from elsewhere, or of someone who left, is not found.
    const targets = await tx
      .select({ userId: memberships.userId, role: memberships.role, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.userId, input.userIds)))
      // In the order the messages name them: by name, as the page shows them.
      .orderBy(sql`coalesce(${users.name}, ${users.email})`, asc(users.email));
    const missing = input.userIds.length - targets.length;
    if (missing > 0) {
      return fail(
        `Nothing was removed: ${plural(missing, "selected person is", "selected people are")} no longer ${missing === 1 ? "a member" : "members"} of ${ctx.org.name}. Reload the page and select again.`,
      );
    }
    const refusals = refusalsFor(ctx, actorRole, targets);
    if (refusals.length > 0) return fail(`Nothing was removed. ${refusals.join(" ")} Unselect them and try again.`);
    await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.userId, input.userIds)));
    for (const target of targets) {
      await recordAudit(tx, ctx, {
        action: "member.remove",
        targetType: "member",
        targetId: target.userId,
        targetLabel: actorLabel(target),
        before: { role: target.role },
      });
    }
    const message =
      targets.length === 1
        ? `${displayName(targets[0])} was removed from ${ctx.org.name}.`
        : `${targets.length} members were removed from ${ctx.org.name}: ${names(targets)}.`;
    return { ok: true, message };
  });
}

type Target = { userId: string; role: MemberRole; name: string | null; email: string };

/** Who in the batch the caller may not remove, and why, in the words single removal uses. */
function refusalsFor(ctx: OrgContext, actorRole: MemberRole, targets: Target[]): string[] {
  const self = targets.filter((target) => target.userId === ctx.actor.id);
  const owner = targets.filter((target) => target.role === "owner");
  const rank = targets.filter((target) => target.userId !== ctx.actor.id && target.role !== "owner" && !mayActOn({ userId: ctx.actor.id, role: actorRole }, target));
  return [
    self.length ? "You cannot remove yourself: to leave the organization, use Leave organization." : null,
    owner.length ? `${names(owner)} is the owner and cannot be removed (the owner can transfer ownership first).` : null,
    // Only owners and admins hold member.remove, and the owner outranks everyone: these are admins.
    rank.length ? `Only the owner can remove ${pluralWord(rank.length, "an admin", "admins")}: ${names(rank)}.` : null,
  ].filter((line): line is string => line !== null);
}
