import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { memberRole, orgKind, orgPlan } from "./enums";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    website: text("website").notNull().default(""),
    adminContactEmails: text("admin_contact_emails").array().notNull().default(sql`'{}'::text[]`),
    kind: orgKind("kind").notNull(),
    plan: orgPlan("plan").notNull().default("free"),
    // Set only on a personal organization: makes "one personal organization per user" a constraint.
    personalForUserId: uuid("personal_for_user_id").references(() => users.id, { onDelete: "cascade" }),
    // Kept by statement triggers on memberships (custom migration 0011): the Members tabs and the
    // Danger Zone read it with the organization instead of counting 10,000 rows on every view.
    memberCount: integer("member_count").notNull().default(0),
    // Set while a guided deletion tears the organization's clusters down (lib/orgs/guided-deletion.ts):
    // the organization is read-only meanwhile, and is deleted when the last teardown succeeds.
    deletionRequestedAt: timestamp("deletion_requested_at", { withTimezone: true }),
    deletionRequestedBy: uuid("deletion_requested_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    // Why the deletion stopped (a teardown failed), until the owner retries or cancels it.
    deletionFailure: text("deletion_failure"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    uniqueIndex("organizations_personal_for_user_key").on(t.personalForUserId),
    check(
      "organizations_personal_shape",
      sql`(${t.kind} = 'personal') = (${t.personalForUserId} is not null) and (${t.kind} = 'team' or ${t.plan} = 'free')`,
    ),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the member last opened the organization (at most one write an hour); null: not since this was recorded. */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    // At most one owner per organization; "at least one" is a deferred trigger (custom migration).
    uniqueIndex("memberships_one_owner_per_org").on(t.orgId).where(sql`${t.role} = 'owner'`),
    index("memberships_user_id_idx").on(t.userId),
    // The members page pages through an organization by "member since" (keyset).
    index("memberships_org_since_idx").on(t.orgId, t.createdAt, t.userId),
    // The Danger Zone's transfer picker reads the longest-standing admins first without a sort.
    index("memberships_org_role_since_idx").on(t.orgId, t.role, t.createdAt, t.userId),
    // Access review: the inactive filter and the monthly report's inactive members.
    index("memberships_org_last_active_idx").on(t.orgId, t.lastActiveAt),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
