import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./support/test-database";
import { useTestSmtp } from "./support/test-smtp";

// Issue 16, part 2: the monthly usage report names the members inactive for 90 days at the end of
// the month (at most 20, then "and N more"), received by a real SMTP server on loopback. The weekly
// report has no such section.

const t = useTestDatabase();
const smtp = useTestSmtp({ env: { APP_URL: "https://console.test" } });
let app: {
  schema: typeof import("@/db/schema");
  factories: typeof import("@/lib/factories");
  bulk: typeof import("@/lib/factories/bulk");
  outbox: typeof import("@/lib/notifications/outbox");
  scheduler: typeof import("@/lib/notifications/scheduler");
};

beforeAll(async () => {
  app = {
    schema: await import("@/db/schema"),
    factories: await import("@/lib/factories"),
    bulk: await import("@/lib/factories/bulk"),
    outbox: await import("@/lib/notifications/outbox"),
    scheduler: await import("@/lib/notifications/scheduler"),
  };
});

// February 2027's report: the month ends 2027-03-01, so 90 days before is 2026-12-01.
const now = new Date("2027-03-10T15:00:00Z");

async function orgWithContact() {
  const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
  const contact = `admin-${app.factories.uniqueTag()}@example.test`;
  const { organizations, memberships } = app.schema;
  await t.db.update(organizations).set({ adminContactEmails: [contact] }).where(eq(organizations.id, org.id));
  // Everyone joined long ago and was active in February, unless a test says otherwise.
  await t.db
    .update(memberships)
    .set({ createdAt: new Date("2026-01-01T00:00:00Z"), lastActiveAt: new Date("2027-02-15T00:00:00Z") })
    .where(eq(memberships.orgId, org.id));
  return { org, users, contact };
}

async function setMembership(orgId: string, userId: string, fields: { lastActiveAt: Date | null; createdAt?: Date }) {
  const { memberships } = app.schema;
  await t.db.update(memberships).set(fields).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

async function monthlyReport(contact: string) {
  await app.scheduler.runReportScheduler(t.db, now);
  await app.outbox.drainOutbox(t.db, "sender");
  const [monthly] = smtp.to(contact).filter(({ mail }) => mail.subject?.startsWith("Monthly"));
  const [weekly] = smtp.to(contact).filter(({ mail }) => mail.subject?.startsWith("Weekly"));
  return { monthly: monthly?.mail.text ?? "", weekly: weekly?.mail.text ?? "" };
}

describe("the monthly report's inactive members", () => {
  it("names those inactive for 90 days at the month's end, at the boundary, never-active ones included", async () => {
    const { org, users, contact } = await orgWithContact();
    // Last seen one minute before the cutoff: inactive; one minute after: not.
    await setMembership(org.id, users.viewer.id, { lastActiveAt: new Date("2026-11-30T23:59:00Z") });
    await setMembership(org.id, users.admin.id, { lastActiveAt: new Date("2026-12-01T00:01:00Z") });
    // Never seen: inactive when they joined before the cutoff, not when they joined after it.
    await setMembership(org.id, users.developer.id, { lastActiveAt: null, createdAt: new Date("2026-11-01T00:00:00Z") });
    await setMembership(org.id, users.owner.id, { lastActiveAt: null, createdAt: new Date("2026-12-15T00:00:00Z") });

    const { monthly, weekly } = await monthlyReport(contact);
    expect(monthly).toContain(
      [
        "Members inactive for 90 days: 2",
        `- Dana Developer <${users.developer.email}>, never active`,
        `- Victor Viewer <${users.viewer.email}>, last active 2026-11-30`,
        `Review them: https://console.test/orgs/${org.slug}/settings/members?inactive=90`,
      ].join("\n"),
    );
    expect(weekly).not.toBe("");
    expect(weekly).not.toContain("inactive");
  });

  it("says none when everyone was active", async () => {
    const { contact } = await orgWithContact();
    const { monthly } = await monthlyReport(contact);
    expect(monthly).toContain("Members inactive for 90 days: 0\n");
    expect(monthly).not.toContain("Review them");
  });

  it("names at most 20, then says how many more", async () => {
    const { org, contact } = await orgWithContact();
    const crowd = await app.bulk.insertBulkUsers(t.db, { prefix: `idle-${app.factories.uniqueTag()}`, count: 23 });
    await app.bulk.addBulkMembers(t.db, org.id, crowd, ["viewer"]);
    const { memberships } = app.schema;
    await t.db
      .update(memberships)
      .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
      .where(and(eq(memberships.orgId, org.id), sql`${memberships.lastActiveAt} is null`));
    const { monthly } = await monthlyReport(contact);
    const section = monthly.slice(monthly.indexOf("Members inactive for 90 days"));
    expect(section).toMatch(/^Members inactive for 90 days: 23\n/);
    expect(section.match(/^- .*never active$/gm)).toHaveLength(20);
    expect(section).toContain("\n- and 3 more\nReview them:");
  });
});
