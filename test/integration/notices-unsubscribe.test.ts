import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { noticeUnsubscribes, organizations } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { noticeKinds } from "@/lib/notifications/kinds";
import { handleUnsubscribe } from "@/lib/notifications/unsubscribe-http";
import { signUnsubscribe } from "@/lib/notifications/unsubscribe-token";
import { useTestDatabase } from "./support/test-database";

// The unsubscribe link's handler (app/api/unsubscribe/[token]/route.ts) on this file's database:
// GET only shows, POST unsubscribes, and a forged token is a clear 400 page.

const t = useTestDatabase();

const unsubscribedOf = (orgId: string) =>
  t.db.select({ email: noticeUnsubscribes.email, kind: noticeUnsubscribes.kind }).from(noticeUnsubscribes).where(eq(noticeUnsubscribes.orgId, orgId));

describe("the unsubscribe link", () => {
  it.each(noticeKinds)("GET shows what stops (%s) and changes nothing; POST unsubscribes that address and kind, twice is fine", async (kind) => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const email = `ops-${uniqueTag()}@example.test`;
    const token = signUnsubscribe({ orgId: org.id, kind, email });
    const shown = await handleUnsubscribe(t.db, "GET", token);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const page = await shown.text();
    expect(page).toContain(email);
    expect(page).toContain(org.name);
    expect(page).toContain(`<form method="post" action="/api/unsubscribe/${token}">`);
    expect(await unsubscribedOf(org.id)).toEqual([]);
    for (let i = 0; i < 2; i++) {
      const done = await handleUnsubscribe(t.db, "POST", token);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("will no longer receive");
    }
    expect(await unsubscribedOf(org.id)).toEqual([{ email, kind }]);
  });

  it.each([
    ["empty", ""],
    ["garbage", "not-a-token"],
    ["a NUL", "u1.\u0000"],
    ["very long", "u1.".padEnd(5000, "a")],
  ])("a %s token answers 400 with a page that says the link is not valid", async (_name, token) => {
    for (const method of ["GET", "POST"] as const) {
      const answer = await handleUnsubscribe(t.db, method, token);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain("This unsubscribe link is not valid");
    }
  });

  it("a token changed in any part (another address, kind or organization) is refused and unsubscribes nobody", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const { org: other } = await makeOrgWithEveryRole(t.db);
    const token = signUnsubscribe({ orgId: org.id, kind: "weekly_report", email: "ops@example.test" });
    const [version, orgId, kind, email, mac] = token.split(".");
    const forged = [
      [version, other.id, kind, email, mac],
      [version, orgId, "monthly_report", email, mac],
      [version, orgId, kind, Buffer.from("ceo@example.test").toString("base64url"), mac],
      [version, orgId, kind, email, `${mac.slice(0, -2)}AA`],
    ];
    for (const parts of forged) expect((await handleUnsubscribe(t.db, "POST", parts.join("."))).status).toBe(400);
    expect(await unsubscribedOf(org.id)).toEqual([]);
    expect(await unsubscribedOf(other.id)).toEqual([]);
  });

  it("a deleted organization's link says there is nothing to unsubscribe from (404)", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const token = signUnsubscribe({ orgId: org.id, kind: "maintenance", email: "ops@example.test" });
    await t.db.delete(organizations).where(eq(organizations.id, org.id));
    expect((await handleUnsubscribe(t.db, "POST", token)).status).toBe(404);
    expect(await t.db.$count(noticeUnsubscribes, and(eq(noticeUnsubscribes.orgId, org.id)))).toBe(0);
  });
});
