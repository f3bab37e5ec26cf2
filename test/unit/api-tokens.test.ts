import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expiresAtFor, isExpired, newApiTokenSchema } from "@/lib/api-tokens/expiry";
import { hashApiToken, issueToken, maskedToken, parseBearer, tokenPattern, tokenPrefix } from "@/lib/api-tokens/secret";

describe("issuing a token", () => {
  it("is oc_ followed by 32 random bytes in base64url, different every time", () => {
    const tokens = Array.from({ length: 200 }, () => issueToken().token);
    for (const token of tokens) {
      expect(token).toMatch(tokenPattern);
      expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("stores the SHA-256 hex of the whole token and the first 8 characters after oc_", () => {
    const { token, hash, prefix } = issueToken();
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(3));
    expect(prefix).toBe(token.slice(3, 11));
    expect(tokenPrefix(token)).toBe(prefix);
    expect(maskedToken(prefix)).toBe(`oc_${prefix}…`);
  });

  it("hashes deterministically, and any change gives another hash", () => {
    const { token } = issueToken();
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(hashApiToken(token));
  });
});

describe("reading the Authorization header", () => {
  const { token } = issueToken();

  it("accepts Bearer <token>, the scheme in any case", () => {
    expect(parseBearer(`Bearer ${token}`)).toEqual({ ok: true, token });
    expect(parseBearer(`bearer ${token}`)).toEqual({ ok: true, token });
    expect(parseBearer(`BEARER  ${token}  `)).toEqual({ ok: true, token });
  });

  it("calls no header, or an empty one, missing", () => {
    expect(parseBearer(null)).toEqual({ ok: false, reason: "missing" });
    expect(parseBearer(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(parseBearer("   ")).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["another scheme", `Basic ${token}`],
    ["no token", "Bearer"],
    ["no scheme", token],
    ["two tokens", `Bearer ${token} ${token}`],
    ["no oc_ prefix", `Bearer ${token.slice(3)}`],
    ["too short", `Bearer ${token.slice(0, -1)}`],
    ["too long", `Bearer ${token}A`],
    ["not base64url", `Bearer oc_${"+".repeat(43)}`],
    ["a session-like value", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"],
  ])("calls %s malformed", (_what, header) => {
    expect(parseBearer(header)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("a new token's expiry", () => {
  const now = new Date("2026-03-10T15:30:00Z");
  const day = 24 * 60 * 60 * 1000;

  it("counts 30, 90 or 365 days from now, or never", () => {
    expect(expiresAtFor({ expiry: "30", expiresOn: "" }, now)).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 30 * day) });
    expect(expiresAtFor({ expiry: "90", expiresOn: "" }, now)).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 90 * day) });
    expect(expiresAtFor({ expiry: "365", expiresOn: "" }, now)).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 365 * day) });
    expect(expiresAtFor({ expiry: "never", expiresOn: "2030-01-01" }, now)).toEqual({ ok: true, expiresAt: null });
  });

  it("takes a custom date as the start of that day in UTC, after today and within five years", () => {
    expect(expiresAtFor({ expiry: "date", expiresOn: "2026-03-11" }, now)).toEqual({ ok: true, expiresAt: new Date("2026-03-11T00:00:00Z") });
    expect(expiresAtFor({ expiry: "date", expiresOn: "2031-03-10" }, now)).toEqual({ ok: true, expiresAt: new Date("2031-03-10T00:00:00Z") });
    expect(expiresAtFor({ expiry: "date", expiresOn: "2026-03-10" }, now)).toMatchObject({ ok: false, message: "Choose a date after today." });
    expect(expiresAtFor({ expiry: "date", expiresOn: "2020-01-01" }, now)).toMatchObject({ ok: false });
    expect(expiresAtFor({ expiry: "date", expiresOn: "2031-03-11" }, now)).toMatchObject({ ok: false, message: expect.stringContaining("5 years") });
  });

  it.each(["", "tomorrow", "2026-02-30", "2026-13-01", "10/03/2027", "2027-3-1"])("refuses %j as a custom date", (expiresOn) => {
    expect(expiresAtFor({ expiry: "date", expiresOn }, now)).toMatchObject({ ok: false, message: expect.stringContaining("YYYY-MM-DD") });
  });

  it("is expired from its expiry on, never without one", () => {
    expect(isExpired(null, now)).toBe(false);
    expect(isExpired(new Date(now.getTime() + 1), now)).toBe(false);
    expect(isExpired(now, now)).toBe(true);
  });
});

describe("the create form's schema", () => {
  it("trims the name and requires 1 to 60 characters", () => {
    expect(newApiTokenSchema.parse({ name: "  CI  ", expiry: "30" })).toEqual({ name: "CI", expiry: "30", expiresOn: "" });
    expect(newApiTokenSchema.safeParse({ name: "   ", expiry: "30" }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: "x".repeat(60), expiry: "never" }).success).toBe(true);
    expect(newApiTokenSchema.safeParse({ name: "x".repeat(61), expiry: "never" }).success).toBe(false);
  });

  it("knows only the offered expiries", () => {
    expect(newApiTokenSchema.safeParse({ name: "CI", expiry: "7" }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: "CI" }).success).toBe(false);
  });
});
