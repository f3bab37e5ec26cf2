import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/**
 * An email domain an organization claims (lib/domains/). It is verified by a DNS TXT record holding
 * `verification_token`; once verified, its policy says what people signed in with an address at
 * that domain may do: nothing beyond an invitation, ask to join, or join at once with a role that
 * is never above Developer (the check below keeps it so whatever the code does).
 */
export const orgDomains = pgTable(
  "org_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Lowercase, no trailing dot (lib/domains/hostname.ts).
    domain: text("domain").notNull(),
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    policy: text("policy").notNull().default("invite_only"),
    autoJoinRole: text("auto_join_role").notNull().default("viewer"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("org_domains_org_domain_key").on(t.orgId, t.domain),
    // As GitHub: one organization at a time holds a domain verified; others may add it, not verify it.
    uniqueIndex("org_domains_verified_domain_key").on(t.domain).where(sql`${t.verifiedAt} is not null`),
    check("org_domains_policy", sql`${t.policy} in ('invite_only', 'request', 'auto_join')`),
    check("org_domains_auto_join_role", sql`${t.autoJoinRole} in ('developer', 'viewer')`),
    check("org_domains_policy_needs_verification", sql`${t.policy} = 'invite_only' or ${t.verifiedAt} is not null`),
    check("org_domains_domain_lowercase", sql`${t.domain} = lower(${t.domain})`),
  ],
);

/** Someone at a verified domain asking to join; at most one pending per user and organization. */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The domain the request was allowed by, as it was then.
    domain: text("domain").notNull(),
    status: text("status").notNull().default("pending"),
    // The role given on approval.
    role: text("role"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("join_requests_pending_key").on(t.orgId, t.userId).where(sql`${t.status} = 'pending'`),
    index("join_requests_org_status_idx").on(t.orgId, t.status, t.createdAt),
    check("join_requests_status", sql`${t.status} in ('pending', 'approved', 'declined')`),
    check("join_requests_role", sql`${t.role} is null or ${t.role} in ('developer', 'viewer')`),
  ],
);

export type OrgDomain = typeof orgDomains.$inferSelect;
export type JoinRequest = typeof joinRequests.$inferSelect;
