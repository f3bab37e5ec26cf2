import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens, rateLimits } from "@/db/schema";
import { makeTeamOrg, makeUser } from "@/lib/factories";
import { makeApiToken } from "@/lib/factories/api-tokens";
import { handleWebhookRequest } from "@/lib/git/webhook-http";
import { handleResolve } from "@/lib/projects/resolve-http";
import { type RateLimitSettings, rateLimitSettings } from "@/lib/rate-limit/limits";
import { useTestDatabase } from "./support/test-database";

// The two HTTP doors with per-address limits, through the handlers their routes run with real
// Requests: the CLI's API counts failed tokens, the GitHub webhook counts bad signatures. A
// refusal is 429 with Retry-After; only failures count, so a valid token or a signed delivery
// from the same address still passes.

const t = useTestDatabase();
const start = new Date("2030-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const hour = 60 * 60 * 1000;
const low = (overrides: Partial<RateLimitSettings>): RateLimitSettings => ({ ...rateLimitSettings, ...overrides });

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe("the CLI API: failed API tokens per address", () => {
  const url = "http://console.test/api/v1/projects/resolve";
  const settings = low({ RATE_LIMIT_API_TOKEN_FAILURES_PER_IP_PER_HOUR: 3 });
  const resolve = (ip: string, authorization: string | null, now: Date) =>
    handleResolve(
      t.db,
      new Request(url, {
        method: "POST",
        headers: { "X-Forwarded-For": ip, "X-Project-Key": "web", ...(authorization ? { Authorization: authorization } : {}) },
      }),
      { settings, trustedProxies: 1, now },
    );
  const guess = () => `Bearer oc_${randomUUID().replaceAll("-", "").padEnd(43, "x")}`;

  it("answers 401 to N unknown tokens, then 429 with Retry-After and a message saying when; a valid token still works", async () => {
    const user = await makeUser(t.db);
    await makeTeamOrg(t.db, user);
    const { token } = await makeApiToken(t.db, user);
    const expired = await makeApiToken(t.db, user, { expiresAt: new Date("2020-01-01T00:00:00Z") });
    const ip = "198.51.100.20";

    expect((await resolve(ip, guess(), at(0))).status).toBe(401);
    expect((await resolve(ip, guess(), at(0))).status).toBe(401);
    expect((await resolve(ip, `Bearer ${expired.token}`, at(0))).status).toBe(401);
    const tokensBefore = await t.db.select().from(apiTokens);

    const refused = await resolve(ip, guess(), at(20 * 60_000));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(40 * 60));
    expect(refused.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await refused.json()).toEqual({
      error: "rate_limited",
      message: "Too many requests with an invalid API token came from your address (3 an hour). Try again after 11:00 UTC (in 40 minutes).",
    });
    expect(await t.db.select().from(apiTokens)).toEqual(tokensBefore);

    const ok = await resolve(ip, `Bearer ${token}`, at(20 * 60_000));
    expect([200, 201]).toContain(ok.status);
    // Other addresses are not affected; the window ends and the address may fail again.
    expect((await resolve("198.51.100.21", guess(), at(20 * 60_000))).status).toBe(401);
    expect((await resolve(ip, guess(), at(hour))).status).toBe(401);
  });

  it("a missing or malformed header never reaches the database and is not counted", async () => {
    const ip = "198.51.100.30";
    const rows = async () => (await t.db.select().from(rateLimits)).length;
    const before = await rows();
    for (let i = 0; i < 5; i++) {
      expect((await resolve(ip, null, at(0))).status).toBe(401);
      expect((await resolve(ip, "Basic dXNlcjpwYXNz", at(0))).status).toBe(401);
    }
    expect(await rows()).toBe(before);
  });

  it("20 bad tokens at once from one address: exactly N answered 401, the rest 429", async () => {
    const ip = "198.51.100.40";
    const statuses = await Promise.all(Array.from({ length: 20 }, () => resolve(ip, guess(), at(0)).then((response) => response.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
  });
});

describe("the GitHub webhook: bad signatures per address", () => {
  const url = "https://console.test/api/github/webhooks";
  const secret = "the-webhook-secret";
  const settings = low({ RATE_LIMIT_WEBHOOK_SIGNATURE_FAILURES_PER_IP_PER_HOUR: 2 });
  const deliver = (ip: string, signingSecret: string, now: Date) => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const signature = `sha256=${createHmac("sha256", signingSecret).update(body).digest("hex")}`;
    const headers = { "X-Forwarded-For": ip, "X-GitHub-Event": "ping", "X-GitHub-Delivery": randomUUID(), "X-Hub-Signature-256": signature, "Content-Type": "application/json" };
    return handleWebhookRequest(t.db, new Request(url, { method: "POST", headers, body }), secret, { settings, trustedProxies: 1, now });
  };

  it("answers 401 to N bad signatures, then 429 with Retry-After; a signed delivery still passes", async () => {
    const ip = "203.0.113.50";
    expect((await deliver(ip, "wrong", at(0))).status).toBe(401);
    expect((await deliver(ip, "wrong", at(0))).status).toBe(401);
    const refused = await deliver(ip, "wrong", at(30 * 60_000));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(30 * 60));
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });

    const signed = await deliver(ip, secret, at(30 * 60_000));
    expect([200, 202]).toContain(signed.status);
    expect((await deliver(ip, "wrong", at(hour))).status).toBe(401);
  });
});
