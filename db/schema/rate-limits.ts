import { check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * Abuse limits shared by every server instance (lib/rate-limit/): one row per (bucket, key) counts
 * what was consumed in the window that ends at `reset_at`. The window starts at the first counted
 * event, and a consume after `reset_at` starts a new one. Keys are SHA-256 digests (emails and
 * addresses are not kept in clear); rows past their `reset_at` mean nothing and are pruned.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    count: integer("count").notNull(),
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "rate_limits_pkey", columns: [t.bucket, t.key] }),
    index("rate_limits_reset_at_idx").on(t.resetAt),
    check("rate_limits_count_positive", sql`${t.count} > 0`),
  ],
);

export type RateLimitRow = typeof rateLimits.$inferSelect;
