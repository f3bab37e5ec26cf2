import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { installStateValidityMs, readSignedState, signState, verifyAndClaimState } from "@/lib/git/install-state";

// The install `state`: signed claims (nonce, organization, user, expiry) that only this server can
// produce. What needs the database (claiming once, replay) is in test/integration/git-install.test.ts.

const claims = () => ({ nonce: "n".repeat(32), orgId: randomUUID(), userId: randomUUID(), expiresAt: Date.now() + installStateValidityMs });

// Refusals that are decided before any query: a database that must not be touched.
const untouchable = new Proxy({}, { get: () => { throw new Error("the database must not be queried"); } }) as Db;

describe("a signed state", () => {
  it("reads back its claims", () => {
    const c = claims();
    expect(readSignedState(signState(c))).toEqual(c);
  });

  it("is valid ten minutes", () => {
    expect(installStateValidityMs).toBe(10 * 60 * 1000);
  });

  it("fits in a URL without escaping", () => {
    expect(signState(claims())).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe("forged states are refused", () => {
  const token = signState(claims());
  const parts = token.split(".");
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const swap = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join(".");

  it.each([
    ["another organization", swap(2, randomUUID())],
    ["another user", swap(3, randomUUID())],
    ["a later expiry", swap(4, String(Date.now() + 24 * 3600 * 1000))],
    ["another nonce", swap(1, "m".repeat(32))],
    ["a signature changed by one character", swap(5, `${parts[5].startsWith("A") ? "B" : "A"}${parts[5].slice(1)}`)],
    // base64url's last character carries 2 unused bits: another spelling of the same bytes.
    ["the same signature spelled differently", swap(5, `${parts[5].slice(0, -1)}${alphabet[alphabet.indexOf(parts[5].at(-1)!) ^ 1]}`)],
    ["no signature", parts.slice(0, 5).join(".")],
    ["another version", swap(0, "v2")],
    ["an empty string", ""],
    ["garbage", "not-a-state"],
    ["a very long value", `${token}${"a".repeat(400)}`],
  ])("%s", async (_label, forged) => {
    expect(readSignedState(forged)).toBeNull();
    expect(await verifyAndClaimState(untouchable, forged, randomUUID())).toEqual({ ok: false, reason: "forged" });
  });
});

describe("checked before the database is asked", () => {
  it("an expired state (naming its organization, so the user is sent back there)", async () => {
    const c = { ...claims(), expiresAt: Date.now() - 1 };
    expect(await verifyAndClaimState(untouchable, signState(c), c.userId)).toEqual({ ok: false, reason: "expired", orgId: c.orgId });
  });

  it("a state that expires at this very millisecond", async () => {
    const now = new Date();
    const c = { ...claims(), expiresAt: now.getTime() };
    expect(await verifyAndClaimState(untouchable, signState(c), c.userId, now)).toMatchObject({ ok: false, reason: "expired" });
  });

  it("another signed-in user", async () => {
    const c = claims();
    expect(await verifyAndClaimState(untouchable, signState(c), randomUUID())).toEqual({ ok: false, reason: "other-user", orgId: c.orgId });
  });
});
