import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp, unknownClient } from "@/lib/rate-limit/client-ip";
import type { RateLimitRefusal } from "@/lib/rate-limit/consume";
import { rateLimitSettings, signInLimits } from "@/lib/rate-limit/limits";
import { formatRetryTime, invitationRefusalMessage, orgCreationRefusalMessage, retryAfterSeconds, signInRefusalMessage } from "@/lib/rate-limit/messages";
import { signInErrorMessage } from "@/lib/rate-limit/sign-in-page";

const now = new Date("2030-03-04T13:42:10Z");
const refusal = (fields: Partial<RateLimitRefusal> & Pick<RateLimitRefusal, "limit">): RateLimitRefusal => ({
  remaining: 0,
  requested: 1,
  resetAt: new Date("2030-03-04T14:04:30Z"),
  ...fields,
});

describe("which address a per-IP limit counts", () => {
  const xff = (value: string) => new Headers({ "x-forwarded-for": value });

  it("believes no header without TRUST_PROXY: every client shares one key", () => {
    expect(clientIp(xff("203.0.113.9"), 0)).toBe(unknownClient);
    expect(clientIp(new Headers(), 0)).toBe(unknownClient);
  });

  it("takes the entry the trusted proxies wrote, not what the client put before it", () => {
    expect(clientIp(xff("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(xff("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientIp(xff("203.0.113.9"), 2)).toBe(unknownClient);
    expect(clientIp(xff("not-an-address"), 1)).toBe(unknownClient);
    expect(clientIp(new Headers(), 1)).toBe(unknownClient);
  });

  it("sign-in skips the per-address limit when the address is unknown: one shared budget would let a flood lock everyone out", () => {
    expect(signInLimits({ ip: unknownClient, email: "Ann@Example.test" }).map((limit) => [limit.bucket, limit.key])).toEqual([["sign-in-email", "ann@example.test"]]);
    expect(signInLimits({ ip: "203.0.113.9", email: null }).map((limit) => limit.bucket)).toEqual(["sign-in-ip"]);
    expect(signInLimits({ ip: "203.0.113.9", email: "a@b.test" }, rateLimitSettings)).toHaveLength(2);
  });

  it("unwraps IPv4-mapped IPv6 and counts IPv6 by its /64", () => {
    expect(normalizeIp("::ffff:198.51.100.1")).toBe("198.51.100.1");
    expect(normalizeIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(normalizeIp("1::2:3:4:5:1.2.3.4")).toBe("1:0:2:3::/64");
    expect(normalizeIp("")).toBeNull();
  });
});

describe("what a refusal says", () => {
  it("names the time in UTC, rounded up to the minute, with the wait; the date when it is another day", () => {
    expect(formatRetryTime(new Date("2030-03-04T14:04:30Z"), now)).toBe("14:05 UTC (in 23 minutes)");
    expect(formatRetryTime(new Date("2030-03-05T09:00:00Z"), now)).toBe("5 Mar, 09:00 UTC (in about 19 hours)");
    expect(retryAfterSeconds(refusal({ limit: { bucket: "api-token-failures-ip", key: "x", max: 1, windowMs: 1 } }), now)).toBe(22 * 60 + 20);
  });

  const inviter = { bucket: "invitations-inviter", key: "u", max: 100, windowMs: 3_600_000 } as const;
  const org = { bucket: "invitations-org", key: "o", max: 200, windowMs: 3_600_000 } as const;

  it("says how many invitations are left when a batch asks for more, and that none were sent", () => {
    expect(invitationRefusalMessage(refusal({ limit: inviter, remaining: 20, requested: 50 }), now)).toBe(
      "You can send 20 more invitations this hour and this list has 50, so none of them were sent. Invite at most 20 now, or up to 100 after 14:05 UTC (in 23 minutes).",
    );
    expect(invitationRefusalMessage(refusal({ limit: org, remaining: 0, requested: 3 }), now)).toBe(
      "This organization has sent the 200 invitations allowed in an hour, so none of them were sent. It can send 200 more after 14:05 UTC (in 23 minutes).",
    );
    expect(invitationRefusalMessage(refusal({ limit: { ...inviter, max: 10 }, remaining: 10, requested: 11 }), now)).toBe(
      "You can send at most 10 invitations an hour: invite at most 10 addresses at a time.",
    );
  });

  it("sign-in and new organizations say which limit and when", () => {
    expect(signInRefusalMessage(refusal({ limit: { bucket: "sign-in-email", key: "e", max: 20, windowMs: 1 } }), now)).toBe(
      "Too many sign-in attempts for this email address. Try again after 14:05 UTC (in 23 minutes).",
    );
    expect(signInRefusalMessage(refusal({ limit: { bucket: "sign-in-ip", key: "i", max: 20, windowMs: 1 } }), now)).toMatch(/from your network/);
    expect(orgCreationRefusalMessage(refusal({ limit: { bucket: "orgs-created-user", key: "u", max: 10, windowMs: 1 } }), now)).toBe(
      "You can create 10 organizations a day, and you have. You can create another after 14:05 UTC (in 23 minutes).",
    );
  });

  it("the sign-in page believes only a near-future retry time from its URL", () => {
    const retry = String(Date.parse("2030-03-04T14:05:00Z") / 1000);
    expect(signInErrorMessage({ error: "RateLimited", retry }, now)).toMatch(/Try again after 14:05 UTC \(in 23 minutes\)\.$/);
    expect(signInErrorMessage({ error: "RateLimited", retry: "99999999999" }, now)).toMatch(/Wait a while, then try again\.$/);
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "rate_limited" }, now)).toMatch(/^Too many sign-in attempts/);
    expect(signInErrorMessage({ error: "OAuthCallbackError" }, now)).toBe("Sign-in did not complete. Try again.");
  });
});
