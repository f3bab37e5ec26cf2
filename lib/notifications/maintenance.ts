import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, clusters, maintenanceNotices, organizations } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { enqueueNotice } from "./outbox";
import { noticeRecipients } from "./recipients";

export const operatorActorLabel = "Org Console operator";

export type MaintenanceInput = { startsAt: Date; endsAt: Date; message: string; clusterIds: string[] };
export type MaintenanceOutcome = { ok: true; noticeId: string; organizations: number; emails: number } | { ok: false; message: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an operator's input; the message of what is wrong, or null. */
export function maintenanceInputProblem(input: MaintenanceInput, now = new Date()): string | null {
  if (Number.isNaN(input.startsAt.getTime()) || Number.isNaN(input.endsAt.getTime())) return "--starts and --ends are ISO dates, e.g. 2027-01-15T22:00:00Z.";
  if (input.endsAt <= input.startsAt) return "--ends must be after --starts.";
  if (input.endsAt <= now) return "This window has already ended.";
  const message = input.message.trim();
  if (!message || message.length > 1000) return "--message is required (at most 1,000 characters).";
  const bad = input.clusterIds.find((id) => !uuidPattern.test(id));
  return bad ? `Not a cluster id: ${bad}.` : null;
}

/**
 * Posts a maintenance notice in one transaction: the notice (shown as a banner on every page of
 * the affected organizations until it ends), one email per admin contact of each (once per notice
 * and address, unsubscribe respected), and an audit event in each organization.
 */
export async function postMaintenance(db: Db, input: MaintenanceInput, appUrl: string): Promise<MaintenanceOutcome> {
  const problem = maintenanceInputProblem(input);
  if (problem) return { ok: false, message: problem };
  const clusterIds = [...new Set(input.clusterIds.map((id) => id.toLowerCase()))];
  return db.transaction(async (tx) => {
    let orgIds: string[];
    if (clusterIds.length) {
      const rows = await tx.select({ id: clusters.id, orgId: clusters.orgId }).from(clusters).where(inArray(clusters.id, clusterIds));
      const missing = clusterIds.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length) return { ok: false, message: `No such cluster: ${missing.join(", ")}.` };
      orgIds = [...new Set(rows.map((row) => row.orgId))];
    } else {
      orgIds = (await tx.select({ id: organizations.id }).from(organizations)).map((row) => row.id);
    }
    const message = input.message.trim();
    const [notice] = await tx
      .insert(maintenanceNotices)
      .values({ startsAt: input.startsAt, endsAt: input.endsAt, message, orgIds: clusterIds.length ? orgIds : null, clusterIds: clusterIds.length ? clusterIds : null })
      .returning({ id: maintenanceNotices.id });
    const window = `${formatDateTime(input.startsAt)} to ${formatDateTime(input.endsAt)}`;
    const names = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, orgIds));
    let emails = 0;
    for (const org of names) {
      const affected = clusterIds.length
        ? (await tx.select({ name: clusters.name }).from(clusters).where(and(eq(clusters.orgId, org.id), inArray(clusters.id, clusterIds)))).map((c) => c.name)
        : [];
      const scope = affected.length ? `Affected clusters: ${affected.join(", ")}.` : "All of Org Console is affected.";
      for (const to of await noticeRecipients(tx, org.id)) {
        const queued = await enqueueNotice(
          tx,
          {
            orgId: org.id,
            kind: "maintenance",
            to,
            dedupeKey: `maintenance:${notice.id}:${to}`,
            subject: `Scheduled maintenance for ${org.name}: ${window}`,
            text: [`Maintenance is planned from ${window}.`, "", message, "", scope, "", `Org Console: ${appUrl}/orgs/${org.slug}`].join("\n"),
          },
          appUrl,
        );
        if (queued) emails += 1;
      }
      await tx.insert(auditEvents).values({
        orgId: org.id,
        actorId: null,
        actorLabel: operatorActorLabel,
        action: "maintenance.posted",
        targetType: "maintenance",
        targetId: notice.id,
        targetLabel: window,
        origin: "system",
        after: { startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), message, clusters: affected },
      });
    }
    return { ok: true, noticeId: notice.id, organizations: names.length, emails };
  });
}
