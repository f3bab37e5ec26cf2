import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useRaceClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";
import { useTestSmtp } from "./support/test-smtp";

// Issue 15, part 2: weekly and monthly usage reports, exactly once per organization and period
// even with several schedulers ticking at once on separate connections (as several server
// instances would), received by a real SMTP server on loopback.

const t = useTestDatabase();
const race = useRaceClients(t, 4);
const smtp = useTestSmtp({ env: { APP_URL: "https://console.test" } });
let app: {
  schema: typeof import("@/db/schema");
  factories: typeof import("@/lib/factories");
  outbox: typeof import("@/lib/notifications/outbox");
  scheduler: typeof import("@/lib/notifications/scheduler");
  periods: typeof import("@/lib/notifications/periods");
};

beforeAll(async () => {
  app = {
    schema: await import("@/db/schema"),
    factories: await import("@/lib/factories"),
    outbox: await import("@/lib/notifications/outbox"),
    scheduler: await import("@/lib/notifications/scheduler"),
    periods: await import("@/lib/notifications/periods"),
  };
});

async function orgsWithContacts(count: number) {
  const made = [];
  for (let i = 0; i < count; i++) {
    const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
    const contact = `admin-${app.factories.uniqueTag()}@example.test`;
    await t.db.update(app.schema.organizations).set({ adminContactEmails: [contact] }).where(eq(app.schema.organizations.id, org.id));
    made.push({ org, users, contact });
  }
  return made;
}

/** Four schedulers tick at once, then four senders drain the outbox at once. */
async function tickEverywhere(now: Date) {
  await Promise.all(race.dbs().map((db) => app.scheduler.runReportScheduler(db, now)));
  await Promise.all(race.dbs().map((db, i) => app.outbox.drainOutbox(db, `sender-${i}`)));
}

const reportsTo = (address: string, kind: "Weekly" | "Monthly") => smtp.to(address).filter(({ mail }) => mail.subject?.startsWith(kind));

describe("the report scheduler", () => {
  it("periods: the ISO week before (Monday 00:00 UTC) and the calendar month before", () => {
    const wednesday = new Date("2027-03-10T15:00:00Z");
    expect(app.periods.latestCompletedPeriod("weekly", wednesday)).toEqual({ kind: "weekly", start: new Date("2027-03-01T00:00:00Z"), end: new Date("2027-03-08T00:00:00Z") });
    expect(app.periods.latestCompletedPeriod("monthly", wednesday)).toEqual({ kind: "monthly", start: new Date("2027-02-01T00:00:00Z"), end: new Date("2027-03-01T00:00:00Z") });
    const mondayMidnight = new Date("2027-03-08T00:00:00Z");
    expect(app.periods.latestCompletedPeriod("weekly", mondayMidnight).end).toEqual(mondayMidnight);
    expect(app.periods.latestCompletedPeriod("monthly", new Date("2027-01-01T00:00:00Z")).start).toEqual(new Date("2026-12-01T00:00:00Z"));
  });

  it("concurrent ticks on four connections send exactly one weekly and one monthly report per organization; later ticks send nothing more", async () => {
    const made = await orgsWithContacts(5);
    const now = new Date("2027-03-10T15:00:00Z");
    await tickEverywhere(now);
    await tickEverywhere(new Date("2027-03-11T09:00:00Z"));
    for (const { org, contact } of made) {
      const weekly = reportsTo(contact, "Weekly");
      const monthly = reportsTo(contact, "Monthly");
      expect(weekly).toHaveLength(1);
      expect(monthly).toHaveLength(1);
      expect(weekly[0].mail.subject).toBe(`Weekly usage report for ${org.name}: 2027-03-01 to 2027-03-07`);
      expect(monthly[0].mail.subject).toBe(`Monthly usage report for ${org.name}: 2027-02-01 to 2027-02-28`);
      const text = weekly[0].mail.text ?? "";
      expect(text).toContain("Members: 4\nSeats used: 4 of 200 (Business plan; members and pending invitations)");
      expect(text).toContain("Pending invitations: 0");
      expect(text).toContain("Clusters: 0");
      expect(text).toContain("Projects: 0, with 0 environments");
      expect(text).toContain(`https://console.test/orgs/${org.slug}`);
      expect(text).toMatch(/Unsubscribe from these emails: https:\/\/console\.test\/api\/unsubscribe\/u1\.[^.]+\.weekly_report\./);
      expect(weekly[0].mail.headerLines.some((h) => h.line === "List-Unsubscribe-Post: List-Unsubscribe=One-Click")).toBe(true);
      // The owner and admins are not emailed when contacts are set.
      expect(smtp.to(made[0].users.owner.email)).toHaveLength(0);
    }
    const rows = await t.db.select().from(app.schema.usageReports);
    expect(rows.filter((row) => made.some(({ org }) => org.id === row.orgId))).toHaveLength(10);
  });

  it("one tick goes through every due organization, batch after batch", async () => {
    const made = await orgsWithContacts(5);
    const now = new Date("2027-06-16T12:00:00Z");
    // Batches of 2: the 5 organizations above and the earlier tests' all get their weekly report.
    await app.scheduler.runReportScheduler(race.db(0), now, 2);
    await app.outbox.drainOutbox(race.db(1), "sender");
    for (const { contact } of made) expect(reportsTo(contact, "Weekly").map(({ mail }) => mail.subject)).toEqual([expect.stringMatching(/: 2027-06-07 to 2027-06-13$/)]);
  });

  it("a period not yet complete sends nothing: organizations created after the latest completed period get no report for it", async () => {
    const [{ org, contact }] = await orgsWithContacts(1);
    await tickEverywhere(new Date());
    expect(smtp.to(contact)).toHaveLength(0);
    expect(await t.db.$count(app.schema.usageReports, eq(app.schema.usageReports.orgId, org.id))).toBe(0);
  });

  it("after a missed period, the next tick sends the latest completed week once, and the changes over it", async () => {
    const [{ org, users, contact }] = await orgsWithContacts(1);
    await tickEverywhere(new Date("2027-04-07T12:00:00Z"));
    expect(reportsTo(contact, "Weekly").map(({ mail }) => mail.subject)).toEqual([`Weekly usage report for ${org.name}: 2027-03-29 to 2027-04-04`]);
    // No instance ran for two weeks; a few things happened in the last of them.
    const at = new Date("2027-04-20T10:00:00Z");
    const event = (action: string) => ({ orgId: org.id, actorId: users.owner.id, actorLabel: "Olivia", action, targetType: "x", targetLabel: "x", origin: "ui" as const, createdAt: at });
    await t.db.insert(app.schema.auditEvents).values([event("invitation.accept"), event("invitation.accept"), event("cluster.create"), event("member.remove")]);
    await tickEverywhere(new Date("2027-04-28T08:00:00Z"));
    await tickEverywhere(new Date("2027-04-28T09:00:00Z"));
    const weekly = reportsTo(contact, "Weekly");
    expect(weekly.map(({ mail }) => mail.subject)).toEqual([
      `Weekly usage report for ${org.name}: 2027-03-29 to 2027-04-04`,
      `Weekly usage report for ${org.name}: 2027-04-19 to 2027-04-25`,
    ]);
    expect(weekly[1].mail.text).toContain("- 2 members joined\n- 1 member removed or left\n");
    expect(weekly[1].mail.text).toContain("- 1 cluster created");
  });
});
