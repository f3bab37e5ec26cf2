import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { invitationStatus, memberRole } from "./enums";
import { organizations } from "./organizations";

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Stored lowercased: invitations match the signed-in email case-insensitively.
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    // The link's token is HMAC(server secret, id + nonce): the table alone cannot rebuild a link,
    // yet an admin can copy it again. Lookups go through the token's SHA-256.
    tokenNonce: text("token_nonce").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    status: invitationStatus("status").notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    resentCount: integer("resent_count").notNull().default(0),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // At most one pending invitation per organization and address.
    uniqueIndex("invitations_one_pending_per_email").on(t.orgId, sql`lower(${t.email})`).where(sql`${t.status} = 'pending'`),
    index("invitations_email_idx").on(sql`lower(${t.email})`),
    check("invitations_never_owner", sql`${t.role} <> 'owner'`),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
