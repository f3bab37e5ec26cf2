import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, clusters, environments, invitations, organizations, projects } from "@/db/schema";
import { pluralWord } from "@/lib/format";
import { planTable } from "@/lib/orgs/plans";
import { inactiveMemberLines } from "./inactive-members";
import type { ReportPeriod } from "./periods";

// What happened, in a few readable lines: audit actions grouped by what a reader cares about.
const changeLines: { actions: string[]; one: string; many: string }[] = [
  { actions: ["invitation.accept"], one: "member joined", many: "members joined" },
  { actions: ["member.remove", "member.leave"], one: "member removed or left", many: "members removed or left" },
  { actions: ["member.role_change"], one: "role changed", many: "roles changed" },
  { actions: ["invitation.create", "invitation.resend"], one: "invitation sent", many: "invitations sent" },
  { actions: ["cluster.create"], one: "cluster created", many: "clusters created" },
  { actions: ["cluster.delete.done"], one: "cluster deleted", many: "clusters deleted" },
  { actions: ["cluster.install.failed", "cluster.update.failed", "cluster.stop.failed", "cluster.start.failed", "cluster.delete.failed"], one: "cluster failure", many: "cluster failures" },
  { actions: ["project.create"], one: "project created", many: "projects created" },
  { actions: ["project.delete"], one: "project deleted", many: "projects deleted" },
  { actions: ["environment.create"], one: "environment created", many: "environments created" },
  { actions: ["environment.delete"], one: "environment deleted", many: "environments deleted" },
];

export type UsageReport = { subject: string; text: string };

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The report of one organization over [period.start, period.end): a handful of indexed counts. */
export async function buildUsageReport(db: Queryable, orgId: string, period: ReportPeriod, options: { appUrl: string; test?: boolean }): Promise<UsageReport | null> {
  const [org] = await db
    .select({
      name: organizations.name,
      slug: organizations.slug,
      plan: organizations.plan,
      members: organizations.memberCount,
      pending: sql<number>`(select count(*) from ${invitations} where ${invitations.orgId} = ${organizations.id} and ${invitations.status} = 'pending' and ${invitations.expiresAt} > now())`.mapWith(Number),
      projects: sql<number>`(select count(*) from ${projects} where ${projects.orgId} = ${organizations.id})`.mapWith(Number),
      environments: sql<number>`(select count(*) from ${environments} where ${environments.orgId} = ${organizations.id})`.mapWith(Number),
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) return null;
  const byStatus = await db
    .select({ status: clusters.status, count: sql<number>`count(*)`.mapWith(Number) })
    .from(clusters)
    .where(eq(clusters.orgId, orgId))
    .groupBy(clusters.status)
    .orderBy(clusters.status);
  const byAction = await db
    .select({ action: auditEvents.action, count: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), gte(auditEvents.createdAt, period.start), lt(auditEvents.createdAt, period.end)))
    .groupBy(auditEvents.action);
  const counts = new Map(byAction.map((row) => [row.action, row.count]));
  const changes = changeLines.flatMap((line) => {
    const n = line.actions.reduce((sum, action) => sum + (counts.get(action) ?? 0), 0);
    return n > 0 ? [`- ${n} ${n === 1 ? line.one : line.many}`] : [];
  });
  // Monthly only: access review is a monthly habit, and a week says little about 90 days.
  const inactive = period.kind === "monthly" ? await inactiveMemberLines(db, orgId, period.end, `${options.appUrl}/orgs/${org.slug}/settings/members`) : [];
  const seats = planTable[org.plan].members;
  const clusterTotal = byStatus.reduce((sum, row) => sum + row.count, 0);
  const label = period.kind === "weekly" ? "Weekly" : "Monthly";
  const range = `${day(period.start)} to ${day(new Date(period.end.getTime() - 1))}`;
  const text = [
    options.test ? "This is a test report, sent on request from the General Information page; the period is not over yet." : null,
    `${label} usage report for ${org.name}, ${range} (UTC).`,
    "",
    `Members: ${org.members}`,
    `Seats used: ${org.members + org.pending}${seats === null ? "" : ` of ${seats}`} (${planTable[org.plan].label} plan; members and pending invitations)`,
    `Pending invitations: ${org.pending}`,
    `Clusters: ${clusterTotal}${clusterTotal ? ` (${byStatus.map((row) => `${row.count} ${row.status}`).join(", ")})` : ""}`,
    `Projects: ${org.projects}, with ${org.environments} ${pluralWord(org.environments, "environment")}`,
    "",
    "Changes over the period:",
    ...(changes.length ? changes : ["- none"]),
    "",
    ...(inactive.length ? [...inactive, ""] : []),
    `Open the organization: ${options.appUrl}/orgs/${org.slug}`,
  ].filter((line) => line !== null);
  return { subject: `${options.test ? "[Test] " : ""}${label} usage report for ${org.name}: ${range}`, text: text.join("\n") };
}
