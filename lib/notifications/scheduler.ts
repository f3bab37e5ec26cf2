import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, usageReports } from "@/db/schema";
import { noticeAppUrl } from "./app-url";
import { enqueueNotice } from "./outbox";
import { latestCompletedPeriod, type ReportKind, type ReportPeriod } from "./periods";
import { noticeRecipients } from "./recipients";
import { buildUsageReport } from "./usage-report";

/** Organizations read per batch; a tick goes on batch after batch until every report is queued. */
export const reportBatchSize = 100;

const noticeKindOf = { weekly: "weekly_report", monthly: "monthly_report" } as const;

/**
 * One scheduler tick, run by every instance: for the latest completed week and month, each team
 * organization that existed then and has no report row yet gets one, and its emails are queued in
 * the same transaction. The row's unique (org, kind, period_start) decides who sends: a second
 * instance's insert waits for the first and then does nothing, so a report goes out once per
 * organization and period; a period missed while no instance ran is sent by the next tick.
 * Returns how many reports this tick queued.
 */
export async function runReportScheduler(db: Db, now = new Date(), batch = reportBatchSize): Promise<number> {
  let queued = 0;
  for (const kind of ["weekly", "monthly"] as ReportKind[]) {
    const period = latestCompletedPeriod(kind, now);
    for (let more = true; more; ) {
      const due = await dueOrganizations(db, period, batch);
      for (const id of due) if (await queueReport(db, id, period)) queued += 1;
      more = due.length === batch;
    }
  }
  return queued;
}

/** Team organizations that existed by the period's end and have no report row for it yet. */
async function dueOrganizations(db: Db, period: ReportPeriod, batch: number): Promise<string[]> {
  const kind = period.kind;
  const due = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, "team"),
        lt(organizations.createdAt, period.end),
        sql`not exists (select 1 from ${usageReports} r where r.org_id = ${organizations.id} and r.kind = ${kind} and r.period_start = ${period.start.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(organizations.id)
    .limit(batch);
  return due.map((row) => row.id);
}

/** Claims the (org, kind, period) row and queues its emails in one transaction; false when another got it. */
export async function queueReport(db: Db, orgId: string, period: ReportPeriod): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(usageReports)
      .values({ orgId, kind: period.kind, periodStart: period.start, periodEnd: period.end })
      .onConflictDoNothing()
      .returning({ orgId: usageReports.orgId });
    if (claimed.length === 0) return false;
    const appUrl = noticeAppUrl();
    const report = await buildUsageReport(tx, orgId, period, { appUrl });
    if (!report) return false;
    for (const to of await noticeRecipients(tx, orgId)) {
      await enqueueNotice(
        tx,
        { orgId, kind: noticeKindOf[period.kind], to, subject: report.subject, text: report.text, dedupeKey: `report:${period.kind}:${orgId}:${period.start.toISOString()}:${to}` },
        appUrl,
      );
    }
    return true;
  });
}
