import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { noticeUnsubscribes } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { recordAudit } from "@/lib/audit/record";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import { rateLimitSettings, testReportLimit } from "@/lib/rate-limit/limits";
import { formatRetryTime } from "@/lib/rate-limit/messages";
import { pluralWord } from "@/lib/format";
import type { NoticeKind } from "./kinds";
import { enqueueNotice } from "./outbox";
import { currentWeek } from "./periods";
import { noticeRecipients } from "./recipients";
import { buildUsageReport } from "./usage-report";

export type TestReportOutcome = { ok: true; recipients: string[] } | { ok: false; formError: string };

/**
 * "Send a test report": this week's report so far, queued to the admin contacts (or owner and
 * admins) in one transaction with its audit event and the organization's hourly limit.
 */
export function sendTestReport(db: Queryable, ctx: OrgContext, options: { appUrl: string; settings?: typeof rateLimitSettings; now?: Date }) {
  const now = options.now ?? new Date();
  return orgTransaction(db, ctx, "org.edit", async (tx): Promise<TestReportOutcome> => {
    const allowed = await consumeRateLimits(tx, [testReportLimit(ctx.org.id, options.settings)], { now });
    if (!allowed.ok) {
      const { limit } = allowed.refusal;
      return { ok: false, formError: `At most ${limit.max} test ${pluralWord(limit.max, "report")} an hour. Try again after ${formatRetryTime(allowed.refusal.resetAt, now)}.` };
    }
    const period = { ...currentWeek(now), end: now };
    const report = await buildUsageReport(tx, ctx.org.id, period, { appUrl: options.appUrl, test: true });
    if (!report) return { ok: false, formError: "This organization no longer exists." };
    const batch = randomUUID();
    const queued: string[] = [];
    for (const to of await noticeRecipients(tx, ctx.org.id)) {
      const email = { orgId: ctx.org.id, kind: "weekly_report" as const, to, subject: report.subject, text: report.text, dedupeKey: `test-report:${batch}:${to}` };
      if (await enqueueNotice(tx, email, options.appUrl)) queued.push(to);
    }
    if (queued.length === 0) return { ok: false, formError: "Every recipient unsubscribed from weekly usage reports: subscribe one again first." };
    await recordAudit(tx, ctx, { action: "notices.test_report", targetType: "organization", targetId: ctx.org.id, targetLabel: ctx.org.name, after: { recipients: queued } });
    return { ok: true, recipients: queued };
  });
}

/** An admin subscribes an address again to one kind (it had used the unsubscribe link). */
export function resubscribe(db: Queryable, ctx: OrgContext, input: { email: string; kind: NoticeKind }) {
  const email = input.email.toLowerCase();
  return orgTransaction(db, ctx, "org.edit", async (tx): Promise<{ ok: true; changed: boolean }> => {
    const removed = await tx
      .delete(noticeUnsubscribes)
      .where(and(eq(noticeUnsubscribes.orgId, ctx.org.id), eq(noticeUnsubscribes.email, email), eq(noticeUnsubscribes.kind, input.kind)))
      .returning({ email: noticeUnsubscribes.email });
    if (removed.length === 0) return { ok: true, changed: false };
    await recordAudit(tx, ctx, { action: "notices.resubscribe", targetType: "email", targetLabel: email, after: { kind: input.kind } });
    return { ok: true, changed: true };
  });
}
