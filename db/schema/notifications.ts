import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

// What the admin contact emails receive (the seed's promise, and nothing else): README "Notices
// and usage reports". Kinds are text with checks, not enums, so a new kind is one migration line.

/**
 * The durable mail outbox: a row is inserted in the transaction that decides to send (a rollback
 * sends nothing), at most once per `dedupe_key`, and sent by the runner that claims it with
 * FOR UPDATE SKIP LOCKED (lib/notifications/outbox.ts).
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Kept (set null) when the organization goes: an email already decided is still sent.
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>(),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_key").on(t.dedupeKey),
    index("mail_outbox_claimable_idx").on(t.status, t.runAfter).where(sql`${t.status} in ('queued', 'sending')`),
    index("mail_outbox_org_idx").on(t.orgId),
    check("mail_outbox_status", sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    check("mail_outbox_kind", sql`${t.kind} in ('infrastructure', 'maintenance', 'weekly_report', 'monthly_report')`),
  ],
);

/** Addresses (lower-case) that asked, through the signed link, to stop one kind for one organization. */
export const noticeUnsubscribes = pgTable(
  "notice_unsubscribes",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "notice_unsubscribes_pkey", columns: [t.orgId, t.email, t.kind] }),
    check("notice_unsubscribes_lower", sql`${t.email} = lower(${t.email})`),
    check("notice_unsubscribes_kind", sql`${t.kind} in ('infrastructure', 'maintenance', 'weekly_report', 'monthly_report')`),
  ],
);

/** One row per organization and completed period: the unique key makes each report go out once. */
export const usageReports = pgTable(
  "usage_reports",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "usage_reports_pkey", columns: [t.orgId, t.kind, t.periodStart] }),
    check("usage_reports_kind", sql`${t.kind} in ('weekly', 'monthly')`),
  ],
);

/** An operator's maintenance notice: every organization (org_ids null) or the listed ones. */
export const maintenanceNotices = pgTable(
  "maintenance_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    message: text("message").notNull(),
    orgIds: uuid("org_ids").array(),
    clusterIds: uuid("cluster_ids").array(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("maintenance_notices_ends_at_idx").on(t.endsAt), check("maintenance_notices_window", sql`${t.startsAt} < ${t.endsAt}`)],
);

export type OutboxEmail = typeof mailOutbox.$inferSelect;
export type MaintenanceNotice = typeof maintenanceNotices.$inferSelect;
