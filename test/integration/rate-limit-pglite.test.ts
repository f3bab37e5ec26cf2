import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { pgliteExtensions } from "@/db/pglite-extensions";
import * as schema from "@/db/schema";
import { consumeRateLimits, pruneExpiredRateLimits, type RateLimit } from "@/lib/rate-limit/consume";

// The embedded default runs the same counters: the upsert, the savepoint of a multi-limit batch
// and the pruning sweep all go through Drizzle on PGlite too (one connection, so no race here).

let client: PGlite;
let db: Db;

// In memory, as db/client.ts opens it but without a folder; initdb in WASM is slow on a busy
// machine, hence the generous timeout.
beforeAll(async () => {
  client = new PGlite({ extensions: await pgliteExtensions() });
  db = drizzle(client, { schema }) as unknown as Db;
  await migrateDatabase(db, "pglite");
}, 240_000);
afterAll(async () => {
  await client?.close();
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
