import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Db, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { consumeRateLimits, pruneExpiredRateLimits, type RateLimit } from "@/lib/rate-limit/consume";

// The embedded default runs the same counters: the upsert, the savepoint of a multi-limit batch
// and the pruning sweep all go through Drizzle on PGlite too (one connection, so no race here).

const dir = mkdtempSync(path.join(tmpdir(), "rate-limit-pglite-"));
let opened: Awaited<ReturnType<typeof openDatabase>>;
let db: Db;

beforeAll(async () => {
  // An empty URL selects PGlite in openDatabase.
  opened = await openDatabase("", dir);
  db = opened.db;
  await migrateDatabase(db, "pglite");
}, 60_000);
afterAll(async () => {
  await opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("refuses at N+1, rolls a batch back across two limits, rolls over and prunes on PGlite", async () => {
  const start = new Date("2030-01-01T10:00:00Z");
  const hour = 60 * 60 * 1000;
  const org: RateLimit = { bucket: "invitations-org", key: "org", max: 3, windowMs: hour };
  const inviter: RateLimit = { bucket: "invitations-inviter", key: "inviter", max: 2, windowMs: hour };
  expect(await consumeRateLimits(db, [org, inviter], { cost: 2, now: start })).toEqual({ ok: true });
  expect(await consumeRateLimits(db, [org, inviter], { now: start })).toMatchObject({ ok: false, refusal: { limit: inviter, remaining: 0 } });
  expect(await consumeRateLimits(db, [org], { now: start })).toEqual({ ok: true });
  expect(await consumeRateLimits(db, [org], { now: start })).toMatchObject({ ok: false, refusal: { remaining: 0 } });
  expect(await consumeRateLimits(db, [org], { now: new Date(start.getTime() + hour) })).toEqual({ ok: true });
  await pruneExpiredRateLimits(db, new Date(start.getTime() + hour));
  expect(await consumeRateLimits(db, [inviter], { cost: 2, now: new Date(start.getTime() + hour) })).toEqual({ ok: true });
}, 60_000);
