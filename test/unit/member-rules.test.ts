import { describe, expect, it, vi } from "vitest";

// The token helpers read the server secret; a fixed one keeps this file free of the .data folder.
vi.hoisted(() => {
  process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef";
});

// Spied so the test can see the comparison go through timingSafeEqual (constant time).
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, default: actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { timingSafeEqual } = await import("node:crypto");
const { memberRoles } = await import("@/lib/authz/permissions");
const { assignableRoles, mayActOn, rolesAssignableBy } = await import("@/lib/members/rules");
const { splitAddresses } = await import("@/lib/invitations/invite");
const { expiryFromNow, hashToken, invitationLink, invitationToken, newTokenNonce, tokenMatches } = await import("@/lib/invitations/token");

type Role = (typeof memberRoles)[number];

// DESIGN.md §4, written out by hand: who may change or remove whom (never oneself, never the owner).
const mayActOnTable: Record<Role, Record<Role, boolean>> = {
  owner: { owner: false, admin: true, developer: true, viewer: true },
  admin: { owner: false, admin: false, developer: true, viewer: true },
  developer: { owner: false, admin: false, developer: false, viewer: true },
  viewer: { owner: false, admin: false, developer: false, viewer: false },
};

const assignableTable: Record<Role, string[]> = {
  owner: ["admin", "developer", "viewer"],
  admin: ["admin", "developer", "viewer"],
  developer: ["developer", "viewer"],
  viewer: ["viewer"],
};

const pairs = memberRoles.flatMap((actor) => memberRoles.map((target) => [actor, target] as const));

describe("mayActOn", () => {
  it.each(pairs)("%s on another %s", (actor, target) => {
    expect(mayActOn({ userId: "a", role: actor }, { userId: "b", role: target })).toBe(mayActOnTable[actor][target]);
  });

  it.each(memberRoles)("never on oneself, even as %s", (role) => {
    for (const targetRole of memberRoles) {
      expect(mayActOn({ userId: "same", role }, { userId: "same", role: targetRole })).toBe(false);
    }
  });
});

describe("rolesAssignableBy", () => {
  it.each(memberRoles)("%s", (role) => {
    expect(rolesAssignableBy(role)).toEqual(assignableTable[role]);
    expect(rolesAssignableBy(role)).not.toContain("owner");
  });

  it("never offers Owner: that is a transfer", () => {
    expect(assignableRoles).toEqual(["admin", "developer", "viewer"]);
  });
});

describe("splitAddresses", () => {
  it("splits on commas, semicolons, spaces and new lines, lowercases and dedupes", () => {
    expect(splitAddresses("Ann@Example.com, bob@example.com;carl@example.com\n\ndave@example.com\r\n  eve@example.com\tann@example.com, ANN@EXAMPLE.COM")).toEqual([
      "ann@example.com",
      "bob@example.com",
      "carl@example.com",
      "dave@example.com",
      "eve@example.com",
    ]);
  });

  it("keeps the order of first appearance", () => {
    expect(splitAddresses("z@x.io a@x.io Z@x.io")).toEqual(["z@x.io", "a@x.io"]);
  });

  it("gives nothing for blank input", () => {
    expect(splitAddresses("")).toEqual([]);
    expect(splitAddresses(" ,; \n ,")).toEqual([]);
  });

  it("leaves invalid addresses in (they are reported by name, not dropped)", () => {
    expect(splitAddresses("ok@example.com, not-an-email")).toEqual(["ok@example.com", "not-an-email"]);
  });
});

describe("invitation tokens", () => {
  const id = "6f1c1d1e-0000-4000-8000-000000000001";

  it("is derived deterministically from the invitation id and nonce", () => {
    const nonce = newTokenNonce();
    expect(invitationToken(id, nonce)).toBe(invitationToken(id, nonce));
  });

  it("differs for another nonce or another invitation", () => {
    const nonce = newTokenNonce();
    const other = newTokenNonce();
    expect(other).not.toBe(nonce);
    expect(invitationToken(id, other)).not.toBe(invitationToken(id, nonce));
    expect(invitationToken("6f1c1d1e-0000-4000-8000-000000000002", nonce)).not.toBe(invitationToken(id, nonce));
  });

  it("is at least 32 bytes, base64url (43 characters, no padding)", () => {
    const token = invitationToken(id, newTokenNonce());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(newTokenNonce()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("depends on the server secret: a copy of the table alone cannot rebuild it", async () => {
    const nonce = newTokenNonce();
    const token = invitationToken(id, nonce);
    vi.resetModules();
    vi.stubEnv("AUTH_SECRET", "another-secret-0123456789abcdef");
    try {
      const other = await import("@/lib/invitations/token");
      expect(other.invitationToken(id, nonce)).not.toBe(token);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("hashes to SHA-256 hex, never the token itself", () => {
    const token = invitationToken(id, newTokenNonce());
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(hashToken(`${token}x`)).not.toBe(hash);
  });

  it("matches a stored hash in constant time, true and false", () => {
    const token = invitationToken(id, newTokenNonce());
    const stored = hashToken(token);
    const spy = vi.mocked(timingSafeEqual);
    spy.mockClear();
    expect(tokenMatches(stored, token)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(tokenMatches(stored, invitationToken(id, newTokenNonce()))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    // One character off at the very end is refused as well.
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(tokenMatches(stored, `${token.slice(0, -1)}${last}`)).toBe(false);
  });

  it("refuses a malformed stored hash without throwing", () => {
    const token = invitationToken(id, newTokenNonce());
    expect(tokenMatches("", token)).toBe(false);
    expect(tokenMatches("abc", token)).toBe(false);
    expect(tokenMatches(hashToken(token).slice(0, 32), token)).toBe(false);
  });

  it("builds the link under the app URL, with or without a trailing slash", () => {
    expect(invitationLink("https://console.example.com/", "tok")).toBe("https://console.example.com/invitations/tok");
    expect(invitationLink("https://console.example.com", "tok")).toBe("https://console.example.com/invitations/tok");
  });

  it("expires seven days later", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(expiryFromNow(now).toISOString()).toBe("2030-01-08T00:00:00.000Z");
  });
});

describe("powerChangeOf (what a role change emails)", () => {
  it("gives or takes Admin, and nothing else", async () => {
    const { powerChangeOf } = await import("@/lib/members/rules");
    expect(powerChangeOf("developer", "admin")).toBe("promoted");
    expect(powerChangeOf("viewer", "admin")).toBe("promoted");
    expect(powerChangeOf("admin", "developer")).toBe("demoted");
    expect(powerChangeOf("admin", "viewer")).toBe("demoted");
    expect(powerChangeOf("admin", "admin")).toBeNull();
    expect(powerChangeOf("developer", "viewer")).toBeNull();
    expect(powerChangeOf("viewer", "developer")).toBeNull();
  });
});
