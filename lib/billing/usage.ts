import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clusters, invitations, memberships, projects } from "@/db/schema";
import { pluralWord } from "@/lib/format";
import { type OrgPlan, orgPlans, planTable } from "@/lib/orgs/plans";

/**
 * What an organization uses of its plan's limits, counted exactly as each limit is enforced:
 * members plus pending invitations that have not expired (lib/invitations/invite.ts, seatUsage),
 * clusters that are not being deleted (lib/clusters/cluster-changes.ts), projects (lib/projects/create.ts).
 */
export type Usage = { members: number; pendingInvitations: number; clusters: number; projects: number };

export type LimitName = "members" | "clusters" | "projects";

/** Members and pending invitations together: what the member limit counts. */
export const seatsUsed = (usage: Usage) => usage.members + usage.pendingInvitations;

export const usedOf = (usage: Usage, limit: LimitName): number => (limit === "members" ? seatsUsed(usage) : usage[limit]);

/** The organization's usage in one statement. Inside a transaction holding the org lock it cannot grow. */
export async function loadUsage(db: Queryable, orgId: string): Promise<Usage> {
  const [row] = await db
    .select({
      members: sql<number>`(select count(*) from ${memberships} where ${memberships.orgId} = ${orgId})`.mapWith(Number),
      pendingInvitations: sql<number>`(select count(*) from ${invitations} where ${invitations.orgId} = ${orgId} and ${invitations.status} = 'pending' and ${invitations.expiresAt} > now())`.mapWith(Number),
      clusters: sql<number>`(select count(*) from ${clusters} where ${clusters.orgId} = ${orgId} and ${clusters.status} <> 'deleting')`.mapWith(Number),
      projects: sql<number>`(select count(*) from ${projects} where ${projects.orgId} = ${orgId})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return row;
}

export type OverLimit = { limit: LimitName; used: number; allowed: number; excess: number; message: string };

function reduceMessage(limit: LimitName, excess: number, used: number, allowed: number): string {
  const counts = `(${used} of ${allowed})`;
  if (limit === "members") return `Remove ${excess} ${pluralWord(excess, "member or pending invitation", "members or pending invitations")} ${counts}`;
  if (limit === "clusters") return `Delete ${excess} ${pluralWord(excess, "cluster")} ${counts}`;
  return `Delete ${excess} ${pluralWord(excess, "project")} ${counts}`;
}

/** What must go before `usage` fits `plan`, in the order members, clusters, projects; empty when it fits. */
export function overLimits(usage: Usage, plan: OrgPlan): OverLimit[] {
  const limits: LimitName[] = ["members", "clusters", "projects"];
  return limits.flatMap((limit) => {
    const allowed = planTable[plan][limit];
    const used = usedOf(usage, limit);
    if (allowed === null || used <= allowed) return [];
    const excess = used - allowed;
    return [{ limit, used, allowed, excess, message: reduceMessage(limit, excess, used, allowed) }];
  });
}

/** Where each plan stands relative to another: plans are ordered from Free to Enterprise. */
export function planDirection(from: OrgPlan, to: OrgPlan): "current" | "upgrade" | "downgrade" {
  const rank = (plan: OrgPlan) => orgPlans.indexOf(plan);
  if (rank(to) === rank(from)) return "current";
  return rank(to) > rank(from) ? "upgrade" : "downgrade";
}
