import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { auditOrigin } from "./enums";
import { organizations } from "./organizations";

// Append-only: a trigger (custom migration) refuses updates, and deletes other than the cascade
// from the organization's own deletion.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    // Kept as written at the time, so the history still reads right after the actor is gone.
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    targetLabel: text("target_label").notNull(),
    origin: auditOrigin("origin").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The audit log reads newest first, 50 at a time, by keyset on (created_at, id); each filter has
  // an index in that order so a page costs the same at a million events. The actor's index leads
  // with actor_id so that deleting a user (which nulls their actor_id here) finds their rows too.
  (t) => [
    index("audit_events_org_created_idx").on(t.orgId, t.createdAt.desc(), t.id.desc()),
    index("audit_events_actor_org_created_idx").on(t.actorId, t.orgId, t.createdAt.desc(), t.id.desc()),
    index("audit_events_org_action_created_idx").on(t.orgId, t.action, t.createdAt.desc(), t.id.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
