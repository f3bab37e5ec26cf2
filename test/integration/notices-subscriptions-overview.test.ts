import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, noticeUnsubscribes } from "@/db/schema";
import { addMember, makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { maxFallbackRecipients, noticeRecipients } from "@/lib/notifications/recipients";
import { subscriptionsOverview } from "@/lib/notifications/subscriptions";
import { useTestDatabase } from "./support/test-database";

// General Information's recipients card reads them in one statement; it must list the same
// people, in the same order, as the notices are sent to (noticeRecipients).

const t = useTestDatabase();

describe("the recipients card's overview", () => {
  it("without contacts: the first of the owner and admins in sending order, what each unsubscribed from, and how many more", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    for (let i = 0; i < 4; i++) await addMember(t.db, org, await makeUser(t.db, { email: `Admin-${i}-${uniqueTag()}@Example.test` }), "admin");
    const sent = await noticeRecipients(t.db, org.id);
    expect(sent).toHaveLength(6);
    await t.db.insert(noticeUnsubscribes).values([
      { orgId: org.id, email: sent[1], kind: "weekly_report" },
      { orgId: org.id, email: sent[1], kind: "infrastructure" },
    ]);

    const overview = await subscriptionsOverview(t.db, org, 3);
    expect(overview).toEqual({
      fallback: true,
      notShown: 3,
      addresses: [
        { email: users.owner.email.toLowerCase(), unsubscribed: [] },
        { email: sent[1], unsubscribed: ["infrastructure", "weekly_report"] },
        { email: sent[2], unsubscribed: [] },
      ],
    });
    expect(overview.addresses.map((address) => address.email)).toEqual(sent.slice(0, 3));
  });

  it("without contacts and with more admins than the cap: the owner, then the longest-standing admins, never the others", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const admins = [];
    for (let i = 0; i < maxFallbackRecipients + 5; i++) {
      const admin = await makeUser(t.db, { email: `a${i}-${uniqueTag()}@example.test` });
      await addMember(t.db, org, admin, "admin");
      admins.push(admin);
    }
    // Joined in the reverse of the order they were added: the last one added is the longest-standing.
    for (const [i, admin] of admins.entries()) {
      await t.db
        .update(memberships)
        .set({ createdAt: sql`now() - make_interval(days => ${i + 1})` })
        .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, admin.id)));
    }
    const sent = await noticeRecipients(t.db, org.id);
    const longestStanding = [...admins].reverse().map((admin) => admin.email.toLowerCase());
    expect(sent).toEqual([users.owner.email.toLowerCase(), ...longestStanding.slice(0, maxFallbackRecipients - 1)]);
    const overview = await subscriptionsOverview(t.db, org, 10);
    expect(overview.addresses.map((address) => address.email)).toEqual(sent.slice(0, 10));
    expect(overview.notShown).toBe(maxFallbackRecipients - 10);
  });

  it("with contacts: every contact, nothing more to show", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const contacts = [`ops-${uniqueTag()}@example.test`, `noc-${uniqueTag()}@example.test`];
    await t.db.insert(noticeUnsubscribes).values({ orgId: org.id, email: contacts[1], kind: "monthly_report" });
    expect(await subscriptionsOverview(t.db, { ...org, adminContactEmails: contacts }, 1)).toEqual({
      fallback: false,
      notShown: 0,
      addresses: [
        { email: contacts[0], unsubscribed: [] },
        { email: contacts[1], unsubscribed: ["monthly_report"] },
      ],
    });
  });

  it("an organization without an owner or admins lists nobody", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    expect(await subscriptionsOverview(t.db, { id: crypto.randomUUID(), adminContactEmails: [] }, 10)).toEqual({ fallback: true, notShown: 0, addresses: [] });
    expect((await subscriptionsOverview(t.db, org, 10)).addresses).toHaveLength(2);
  });
});
