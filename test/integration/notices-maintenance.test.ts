import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./support/test-database";
import { useTestSmtp } from "./support/test-smtp";

// Issue 15, part 2: an operator's maintenance notice (scripts/maintenance-post.ts) reaches the
// affected organizations' admin contacts through the outbox and a real SMTP server, is audited in
// each, and rides on the membership statement as the console's banner until it ends.

const t = useTestDatabase();
const smtp = useTestSmtp();
let app: {
  schema: typeof import("@/db/schema");
  factories: typeof import("@/lib/factories");
  clusters: typeof import("@/lib/factories/clusters");
  outbox: typeof import("@/lib/notifications/outbox");
  maintenance: typeof import("@/lib/notifications/maintenance");
  authorize: typeof import("@/lib/authz/authorize");
};

beforeAll(async () => {
  app = {
    schema: await import("@/db/schema"),
    factories: await import("@/lib/factories"),
    clusters: await import("@/lib/factories/clusters"),
    outbox: await import("@/lib/notifications/outbox"),
    maintenance: await import("@/lib/notifications/maintenance"),
    authorize: await import("@/lib/authz/authorize"),
  };
});

const hour = 60 * 60 * 1000;

async function orgWithCluster() {
  const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
  const contact = `ops-${app.factories.uniqueTag()}@example.test`;
  await t.db.update(app.schema.organizations).set({ adminContactEmails: [contact] }).where(eq(app.schema.organizations.id, org.id));
  const cluster = await app.clusters.makeCluster(t.db, org, { name: `edge-${app.factories.uniqueTag()}`, status: "running" });
  return { org, users, contact, cluster };
}

const bannerOf = async (userId: string, slug: string) => (await app.authorize.loadMembership(t.db, userId, slug))?.maintenance;

describe("maintenance notices", () => {
  it("for listed clusters: only their organizations are emailed, audited and shown the banner; it goes once it ends", async () => {
    const a = await orgWithCluster();
    const b = await orgWithCluster();
    const startsAt = new Date(Date.now() + hour);
    const endsAt = new Date(Date.now() + 2 * hour);
    const outcome = await app.maintenance.postMaintenance(t.db, { startsAt, endsAt, message: "Upgrading the control plane.", clusterIds: [a.cluster.id.toUpperCase()] }, "https://console.test");
    expect(outcome).toMatchObject({ ok: true, organizations: 1, emails: 1 });
    await app.outbox.drainOutbox(t.db, "sender");
    const [email] = smtp.to(a.contact);
    expect(email.mail.subject).toMatch(new RegExp(`^Scheduled maintenance for ${a.org.name}: `));
    expect(email.mail.text).toContain("Upgrading the control plane.");
    expect(email.mail.text).toContain(`Affected clusters: ${a.cluster.name}.`);
    expect(email.mail.text).toMatch(/Unsubscribe from these emails: https:\/\/console\.test\/api\/unsubscribe\/u1\.[^.]+\.maintenance\./);
    expect(smtp.to(b.contact)).toHaveLength(0);

    const [audit] = await t.db.select().from(app.schema.auditEvents).where(and(eq(app.schema.auditEvents.orgId, a.org.id), eq(app.schema.auditEvents.action, "maintenance.posted")));
    expect(audit).toMatchObject({ actorId: null, actorLabel: "Org Console operator", origin: "system", after: { message: "Upgrading the control plane.", clusters: [a.cluster.name] } });
    expect(await t.db.$count(app.schema.auditEvents, and(eq(app.schema.auditEvents.orgId, b.org.id), eq(app.schema.auditEvents.action, "maintenance.posted")))).toBe(0);

    const banner = await bannerOf(a.users.viewer.id, a.org.slug);
    expect(banner).toEqual([{ id: outcome.ok ? outcome.noticeId : "", startsAt: expect.any(String), endsAt: expect.any(String), message: "Upgrading the control plane." }]);
    expect(new Date(banner![0].endsAt).getTime()).toBe(endsAt.getTime());
    expect(await bannerOf(b.users.viewer.id, b.org.slug)).toEqual([]);

    // Once the window is over, the banner is gone.
    await t.db.update(app.schema.maintenanceNotices).set({ startsAt: new Date(Date.now() - 3 * hour), endsAt: new Date(Date.now() - hour) });
    expect(await bannerOf(a.users.viewer.id, a.org.slug)).toEqual([]);
  });

  it("without clusters: every organization sees it; an address unsubscribed from maintenance updates is not emailed", async () => {
    const a = await orgWithCluster();
    const b = await orgWithCluster();
    await t.db.insert(app.schema.noticeUnsubscribes).values({ orgId: b.org.id, email: b.contact, kind: "maintenance" });
    const outcome = await app.maintenance.postMaintenance(
      t.db,
      { startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + hour), message: "Database failover drill.", clusterIds: [] },
      "https://console.test",
    );
    expect(outcome).toMatchObject({ ok: true });
    await app.outbox.drainOutbox(t.db, "sender");
    expect(smtp.to(a.contact).filter(({ mail }) => mail.text?.includes("Database failover drill."))).toHaveLength(1);
    expect(smtp.to(a.contact).at(-1)?.mail.text).toContain("All of Org Console is affected.");
    expect(smtp.to(b.contact)).toHaveLength(0);
    for (const { users, org } of [a, b]) expect((await bannerOf(users.developer.id, org.slug))?.map((n) => n.message)).toEqual(["Database failover drill."]);
    await t.db.delete(app.schema.maintenanceNotices);
  });

  it("the operator command posts it for the listed cluster and says what it did; bad arguments exit 2 with the usage", async () => {
    const a = await orgWithCluster();
    const run = (args: string[]) =>
      promisify(execFile)("npx", ["tsx", "scripts/maintenance-post.ts", "--", ...args], { env: { ...process.env, DATABASE_URL: t.url }, timeout: 60_000 });
    const starts = new Date(Date.now() + hour).toISOString();
    const ends = new Date(Date.now() + 2 * hour).toISOString();
    const { stdout } = await run(["--starts", starts, "--ends", ends, "--message", "Network maintenance.", "--cluster", a.cluster.id]);
    expect(stdout).toMatch(/^Maintenance notice [0-9a-f-]{36} posted to 1 organization; 1 email queued\.\n$/);
    expect((await bannerOf(a.users.viewer.id, a.org.slug))?.map((n) => n.message)).toEqual(["Network maintenance."]);
    await expect(run(["--starts", starts])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run maintenance:post") });
    await t.db.delete(app.schema.maintenanceNotices);
  }, 120_000);

  it.each([
    [{ startsAt: new Date("nope"), endsAt: new Date(), message: "x", clusterIds: [] }, "--starts and --ends are ISO dates"],
    [{ startsAt: new Date(Date.now() + 2 * hour), endsAt: new Date(Date.now() + hour), message: "x", clusterIds: [] }, "--ends must be after --starts."],
    [{ startsAt: new Date(Date.now() - 2 * hour), endsAt: new Date(Date.now() - hour), message: "x", clusterIds: [] }, "already ended"],
    [{ startsAt: new Date(Date.now()), endsAt: new Date(Date.now() + hour), message: "  ", clusterIds: [] }, "--message is required"],
    [{ startsAt: new Date(Date.now()), endsAt: new Date(Date.now() + hour), message: "x", clusterIds: ["abc"] }, "Not a cluster id: abc."],
    [{ startsAt: new Date(Date.now()), endsAt: new Date(Date.now() + hour), message: "x", clusterIds: ["00000000-0000-4000-8000-000000000000"] }, "No such cluster"],
  ])("refuses odd input with a message and posts nothing (%#)", async (input, message) => {
    const outcome = await app.maintenance.postMaintenance(t.db, input, "https://console.test");
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(await t.db.$count(app.schema.maintenanceNotices)).toBe(0);
  });
});
