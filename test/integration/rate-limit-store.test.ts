import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { uniqueTag } from "@/lib/factories";
import { consumeRateLimits, pruneExpiredRateLimits, type RateLimit, rateLimitKey } from "@/lib/rate-limit/consume";
import { type Clients, openClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";

// The counters every limit is built on (lib/rate-limit/consume.ts), on real PostgreSQL: refusal
// at N+1 that writes nothing, windows that roll over on the clock passed in, all-or-nothing
// batches across several limits, and parallel consumers on separate connections that never pass
// the limit between them.

const t = useTestDatabase();
const minute = 60_000;
const start = new Date("2030-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

let clients: Clients;
beforeAll(async () => {
  clients = await openClients(t.url, 20);
});
afterAll(() => clients.close());

const limitOf = (max: number, bucket: RateLimit["bucket"] = "invitations-org"): RateLimit => ({ bucket, key: `key-${uniqueTag()}`, max, windowMs: 10 * minute });

async function rowOf(limit: RateLimit) {
  const [row] = await t.db
    .select()
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, limit.bucket), eq(rateLimits.key, rateLimitKey(limit.key))));
  return row ?? null;
}

describe("one limit", () => {
  it("allows N, refuses the N+1th with what is left and when the window ends, and the refusal writes nothing", async () => {
    const limit = limitOf(3);
    for (let i = 0; i < 3; i++) expect(await consumeRateLimits(t.db, [limit], { now: at(i * minute) })).toEqual({ ok: true });
    const before = await rowOf(limit);
    expect(before).toMatchObject({ count: 3, resetAt: at(10 * minute) });

    const refused = await consumeRateLimits(t.db, [limit], { now: at(5 * minute) });
    expect(refused).toEqual({ ok: false, refusal: { limit, remaining: 0, requested: 1, resetAt: at(10 * minute) } });
    expect(await rowOf(limit)).toEqual(before);
  });

  it("keys are digests: neither the email nor the address is stored in clear", async () => {
    const limit = { ...limitOf(2, "sign-in-email"), key: `someone-${uniqueTag()}@example.test` };
    await consumeRateLimits(t.db, [limit], { now: start });
    const row = await rowOf(limit);
    expect(row?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await t.db.select().from(rateLimits))).not.toContain(limit.key);
  });

  it("rolls over: once the window has ended the count starts again from zero with a new end", async () => {
    const limit = limitOf(2);
    await consumeRateLimits(t.db, [limit], { now: at(0) });
    await consumeRateLimits(t.db, [limit], { now: at(9 * minute) });
    expect(await consumeRateLimits(t.db, [limit], { now: at(10 * minute - 1) })).toMatchObject({ ok: false });
    expect(await consumeRateLimits(t.db, [limit], { now: at(10 * minute) })).toEqual({ ok: true });
    expect(await rowOf(limit)).toMatchObject({ count: 1, resetAt: at(20 * minute) });
    expect(await consumeRateLimits(t.db, [limit], { now: at(11 * minute) })).toEqual({ ok: true });
    expect(await consumeRateLimits(t.db, [limit], { now: at(12 * minute) })).toMatchObject({ ok: false, refusal: { remaining: 0, resetAt: at(20 * minute) } });
  });

  it("a batch is all-or-nothing: asking for more than is left takes nothing and says how many are left", async () => {
    const limit = limitOf(100);
    expect(await consumeRateLimits(t.db, [limit], { cost: 80, now: start })).toEqual({ ok: true });
    expect(await consumeRateLimits(t.db, [limit], { cost: 50, now: at(minute) })).toEqual({
      ok: false,
      refusal: { limit, remaining: 20, requested: 50, resetAt: at(10 * minute) },
    });
    expect(await rowOf(limit)).toMatchObject({ count: 80 });
    expect(await consumeRateLimits(t.db, [limit], { cost: 20, now: at(minute) })).toEqual({ ok: true });
    expect(await rowOf(limit)).toMatchObject({ count: 100 });
  });

  it("a batch larger than the whole limit is refused without a row", async () => {
    const limit = limitOf(5);
    expect(await consumeRateLimits(t.db, [limit], { cost: 6, now: start })).toMatchObject({ ok: false, refusal: { remaining: 5, requested: 6 } });
    expect(await rowOf(limit)).toBeNull();
  });
});

describe("several limits at once", () => {
  it("the last limit refusing gives back what the first ones took", async () => {
    const roomy = limitOf(10);
    const tight = limitOf(2, "invitations-inviter");
    expect(await consumeRateLimits(t.db, [roomy, tight], { cost: 2, now: start })).toEqual({ ok: true });
    const refused = await consumeRateLimits(t.db, [roomy, tight], { now: at(minute) });
    expect(refused).toMatchObject({ ok: false, refusal: { limit: tight, remaining: 0 } });
    expect(await rowOf(roomy)).toMatchObject({ count: 2 });
    expect(await rowOf(tight)).toMatchObject({ count: 2 });
  });

  it("inside the caller's transaction, a rollback gives the count back", async () => {
    const limit = limitOf(5);
    await expect(
      t.db.transaction(async (tx) => {
        expect(await consumeRateLimits(tx, [limit, limitOf(5, "invitations-inviter")], { cost: 3, now: start })).toEqual({ ok: true });
        throw new Error("the write after it failed");
      }),
    ).rejects.toThrow("the write after it failed");
    expect(await rowOf(limit)).toBeNull();
  });
});

describe("concurrent consumers", () => {
  it("20 connections consuming at once never pass the limit, in every round", async () => {
    for (let round = 0; round < 5; round++) {
      const limit = limitOf(7);
      const results = await Promise.all(clients.dbs.map((db) => consumeRateLimits(db, [limit], { now: start })));
      expect(results.filter((result) => result.ok)).toHaveLength(7);
      expect(await rowOf(limit)).toMatchObject({ count: 7 });
    }
  }, 60_000);

  it("batches from 20 connections at once with two limits: the sum granted never passes either", async () => {
    for (let round = 0; round < 5; round++) {
      const org = limitOf(25);
      const inviter = limitOf(40, "invitations-inviter");
      const costs = clients.dbs.map((_, i) => 1 + (i % 4));
      const results = await Promise.all(clients.dbs.map((db, i) => consumeRateLimits(db, [org, inviter], { cost: costs[i], now: start })));
      const granted = results.reduce((sum, result, i) => sum + (result.ok ? costs[i] : 0), 0);
      expect(granted).toBeLessThanOrEqual(25);
      expect(granted).toBeGreaterThanOrEqual(25 - 3);
      expect(await rowOf(org)).toMatchObject({ count: granted });
      expect(await rowOf(inviter)).toMatchObject({ count: granted });
    }
  }, 60_000);

  it("a window rolling over under concurrent consumers starts once", async () => {
    const limit = limitOf(5);
    await consumeRateLimits(t.db, [limit], { cost: 5, now: start });
    const later = at(10 * minute);
    const results = await Promise.all(clients.dbs.map((db) => consumeRateLimits(db, [limit], { now: later })));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(await rowOf(limit)).toMatchObject({ count: 5, resetAt: at(20 * minute) });
  }, 60_000);
});

describe("pruning", () => {
  it("deletes only rows whose window has ended", async () => {
    const ended = limitOf(3);
    const live = limitOf(3);
    await consumeRateLimits(t.db, [ended], { now: start });
    await consumeRateLimits(t.db, [live], { now: at(5 * minute) });
    await pruneExpiredRateLimits(t.db, at(12 * minute));
    expect(await rowOf(ended)).toBeNull();
    expect(await rowOf(live)).toMatchObject({ count: 1 });
  });
});
