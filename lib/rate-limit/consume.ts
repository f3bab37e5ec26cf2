import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rateLimits } from "@/db/schema";

// Counters in PostgreSQL, so every server instance (and PGlite's single one) shares them. A
// consume is one conditional upsert: the row lock orders concurrent consumers, and the WHERE of
// ON CONFLICT DO UPDATE sees the latest committed count, so parallel requests never pass the
// limit between them. A refused consume writes nothing.

export type RateLimitBucket =
  | "sign-in-ip"
  | "sign-in-email"
  | "invitations-org"
  | "invitations-inviter"
  | "invitation-resends"
  | "api-token-failures-ip"
  | "webhook-signature-failures-ip"
  | "orgs-created-user"
  | "test-reports-org"
  | "exports-org"
  | "join-requests-user";

/** At most `max` per window of `windowMs`, counted for `key` in `bucket`. */
export type RateLimit = { bucket: RateLimitBucket; key: string; max: number; windowMs: number };

/** Why a consume was refused: the limit, what is left in its window and when the window ends. */
export type RateLimitRefusal = { limit: RateLimit; remaining: number; resetAt: Date; requested: number };

export type ConsumeOutcome = { ok: true } | { ok: false; refusal: RateLimitRefusal };

type ConsumeOptions = { cost?: number; now?: Date };

/** Keys are digests: the table holds no email address or IP address in clear. */
export function rateLimitKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

class Refused extends Error {
  constructor(readonly limit: RateLimit) {
    super("rate limit refused");
  }
}

/**
 * Consumes `cost` from every limit, or from none: a batch is all-or-nothing, and with several
 * limits a refusal by the last one gives back what the first ones took (a savepoint inside the
 * caller's transaction, or a transaction of its own). Pass `db` as the caller's transaction to
 * tie the count to its write: a rollback gives the count back too.
 */
export async function consumeRateLimits(db: Queryable, limits: RateLimit[], options: ConsumeOptions = {}): Promise<ConsumeOutcome> {
  if (limits.length === 0) return { ok: true };
  const cost = options.cost ?? 1;
  const now = options.now ?? new Date();
  const tooBig = limits.find((limit) => cost > limit.max);
  if (tooBig) return { ok: false, refusal: await refusalFor(db, tooBig, cost, now) };
  let refusedBy: RateLimit | null = null;
  if (limits.length === 1) {
    if (!(await consumeOne(db, limits[0], cost, now))) refusedBy = limits[0];
  } else {
    try {
      await db.transaction(async (tx) => {
        for (const limit of limits) if (!(await consumeOne(tx, limit, cost, now))) throw new Refused(limit);
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      refusedBy = error.limit;
    }
  }
  if (refusedBy) return { ok: false, refusal: await refusalFor(db, refusedBy, cost, now) };
  // Old windows are useless rows: an occasional consume sweeps a few, so no job is needed.
  if (Math.random() < pruneChance) await pruneExpiredRateLimits(db, now);
  return { ok: true };
}

export const pruneChance = 0.02;

async function consumeOne(db: Queryable, limit: RateLimit, cost: number, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const resetAt = new Date(now.getTime() + limit.windowMs);
  // A window that has ended counts from zero again and gets a new end.
  const expired = sql`${rateLimits.resetAt} <= ${at}`;
  const rows = await db
    .insert(rateLimits)
    .values({ bucket: limit.bucket, key: rateLimitKey(limit.key), count: cost, resetAt })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.key],
      set: {
        count: sql`case when ${expired} then excluded.count else ${rateLimits.count} + excluded.count end`,
        resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
      setWhere: sql`(case when ${expired} then 0 else ${rateLimits.count} end) + excluded.count <= ${limit.max}`,
    })
    .returning({ count: rateLimits.count });
  return rows.length > 0;
}

/** What is left of `limit` at `now` and when its window ends, for the refusal's message. */
async function refusalFor(db: Queryable, limit: RateLimit, requested: number, now: Date): Promise<RateLimitRefusal> {
  const [row] = await db
    .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, limit.bucket), eq(rateLimits.key, rateLimitKey(limit.key))));
  const live = row && row.resetAt.getTime() > now.getTime();
  return {
    limit,
    requested,
    remaining: live ? Math.max(0, limit.max - row.count) : limit.max,
    // Asking for more than the whole limit: a fresh window would not hold it either.
    resetAt: live ? row.resetAt : new Date(now.getTime() + limit.windowMs),
  };
}

/**
 * Deletes up to `batch` rows whose window has ended. Rows another transaction holds are skipped,
 * so a sweep never waits on (or blocks) a consume.
 */
export async function pruneExpiredRateLimits(db: Queryable, now = new Date(), batch = 500): Promise<void> {
  await db.execute(sql`
    delete from ${rateLimits} where ctid = any(array(
      select ctid from ${rateLimits} where ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz
      limit ${batch} for update skip locked
    ))`);
}

/** Thrown inside a transaction to roll back what it wrote when a limit refuses late. */
export class RateLimitedError extends Error {
  constructor(readonly refusal: RateLimitRefusal) {
    super(`rate limited: ${refusal.limit.bucket}`);
  }
}
