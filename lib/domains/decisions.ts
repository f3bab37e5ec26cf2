import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { joinRequests, memberships, users } from "@/db/schema";
import { actorLabel, recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { roleLabels } from "@/lib/authz/permissions";
import { rolesAssignableBy } from "@/lib/members/rules";
import type { JoinRole } from "./schemas";
import { seatRefusal } from "./seats";

// Members → Requests: whoever may invite approves (with Developer or Viewer, as joining through a
// domain never gives more) or declines. Both run under the organization's lock with their audit
// event; the requester is emailed after the commit (lib/domains/actions.ts).

export type Requester = { name: string | null; email: string };
export type DecisionOutcome = { ok: true; message: string; requester: Requester; role?: JoinRole } | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

const gone = "This request is no longer pending: another admin answered it, or the person's account was deleted.";

async function pendingRequest(tx: Tx, orgId: string, requestId: string) {
  const [row] = await tx
    .select({ id: joinRequests.id, userId: joinRequests.userId, domain: joinRequests.domain, name: users.name, email: users.email })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.orgId, orgId), eq(joinRequests.status, "pending")));
  return row ?? null;
}

export async function approveJoinRequest(db: Queryable, ctx: OrgContext, input: { requestId: string; role: JoinRole }): Promise<DecisionOutcome> {
  return orgTransaction(db, ctx, "member.invite", async (tx, actorRole): Promise<DecisionOutcome> => {
    if (!(rolesAssignableBy(actorRole) as string[]).includes(input.role)) return { ok: false, fieldErrors: { role: `You cannot give the ${roleLabels[input.role]} role.` } };
    const request = await pendingRequest(tx, ctx.org.id, input.requestId);
    if (!request) return { ok: false, formError: gone };
    const who = actorLabel({ name: request.name, email: request.email });
    const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, request.userId)));
    if (!member) {
      const seats = await seatRefusal(tx, ctx.org.id);
      if (seats) return { ok: false, formError: seats };
      await tx.insert(memberships).values({ orgId: ctx.org.id, userId: request.userId, role: input.role });
    }
    await tx.update(joinRequests).set({ status: "approved", role: input.role, decidedBy: ctx.actor.id, decidedAt: new Date() }).where(eq(joinRequests.id, request.id));
    await recordAudit(tx, ctx, {
      action: "join_request.approve",
      targetType: "join_request",
      targetId: request.id,
      targetLabel: who,
      after: { role: input.role, domain: request.domain },
    });
    const name = request.name ?? request.email;
    const message = member ? `${name} was already a member; the request is closed.` : `${name} joined as ${roleLabels[input.role]}.`;
    return { ok: true, message, requester: request, role: input.role };
  });
}

export async function declineJoinRequest(db: Queryable, ctx: OrgContext, input: { requestId: string }): Promise<DecisionOutcome> {
  return orgTransaction(db, ctx, "member.invite", async (tx): Promise<DecisionOutcome> => {
    const request = await pendingRequest(tx, ctx.org.id, input.requestId);
    if (!request) return { ok: false, formError: gone };
    await tx.update(joinRequests).set({ status: "declined", decidedBy: ctx.actor.id, decidedAt: new Date() }).where(eq(joinRequests.id, request.id));
    await recordAudit(tx, ctx, {
      action: "join_request.decline",
      targetType: "join_request",
      targetId: request.id,
      targetLabel: actorLabel({ name: request.name, email: request.email }),
      after: { domain: request.domain },
    });
    return { ok: true, message: `The request of ${request.name ?? request.email} was declined.`, requester: request };
  });
}
