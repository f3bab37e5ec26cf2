import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "./support/test-database";
import { useTestSmtp } from "./support/test-smtp";

// Issue 15, part 2: the mail outbox and infrastructure notices, against a real SMTP server on
// loopback. SMTP_URL and APP_URL are set before the app's modules are imported (lib/env.ts reads
// them once; lib/mail/send.ts keeps one transport per process).

const t = useTestDatabase();
const smtp = useTestSmtp({ refuse: /^bounce-/, env: { APP_URL: "https://console.test", KUBECONFIG_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64") } });
let app: {
  schema: typeof import("@/db/schema");
  factories: typeof import("@/lib/factories");
  clusterSupport: typeof import("./support/cluster-actions");
  engineTypes: typeof import("@/lib/clusters/engine/types");
  outbox: typeof import("@/lib/notifications/outbox");
  token: typeof import("@/lib/notifications/unsubscribe-token");
  subscriptions: typeof import("@/lib/notifications/subscriptions");
};

beforeAll(async () => {
  app = {
    schema: await import("@/db/schema"),
    factories: await import("@/lib/factories"),
    clusterSupport: await import("./support/cluster-actions"),
    engineTypes: await import("@/lib/clusters/engine/types"),
    outbox: await import("@/lib/notifications/outbox"),
    token: await import("@/lib/notifications/unsubscribe-token"),
    subscriptions: await import("@/lib/notifications/subscriptions"),
  };
});

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => void vi.restoreAllMocks();
});

async function failingCluster(contacts: string[], reason = "The cloud provider refused: quota exceeded for t3.large.") {
  const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
  if (contacts.length) await t.db.update(app.schema.organizations).set({ adminContactEmails: contacts }).where(eq(app.schema.organizations.id, org.id));
  const { actOnCluster, newClusterForm, runQueuedJobs } = app.clusterSupport;
  expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "edge-1" }))).toMatchObject({ ok: true });
  const failing = { name: "failing", perform: () => Promise.reject(new app.engineTypes.EngineError(reason)) };
  const [jobId] = await runQueuedJobs(t.db, failing);
  return { org, users, jobId, reason };
}

const outboxOf = (orgId: string) => t.db.select().from(app.schema.mailOutbox).where(eq(app.schema.mailOutbox.orgId, orgId)).orderBy(app.schema.mailOutbox.id);

describe("infrastructure notices", () => {
  it("a failed install emails each admin contact once, with the cluster, action, reason, a Clusters link from APP_URL and one-click unsubscribe", async () => {
    const tag = app.factories.uniqueTag();
    const contacts = [`ops-${tag}@example.test`, `cto-${tag}@example.test`];
    const { org, jobId, reason } = await failingCluster(contacts);
    // Queued in the failing transaction, sent by the runner.
    expect((await outboxOf(org.id)).map((row) => [row.recipient, row.status, row.dedupeKey])).toEqual(
      contacts.map((to) => [to, "queued", `infrastructure:job:${jobId}:${to}`]),
    );
    expect(await app.outbox.drainOutbox(t.db, "sender")).toBeGreaterThanOrEqual(2);
    for (const to of contacts) {
      const inbox = smtp.to(to);
      expect(inbox).toHaveLength(1);
      const { mail } = inbox[0];
      expect(mail.subject).toBe(`Cluster edge-1 in ${org.name} failed while installing`);
      expect(mail.text).toContain(`Reason: ${reason}`);
      expect(mail.text).toContain(`https://console.test/orgs/${org.slug}/settings/clusters`);
      const link = /https:\/\/console\.test\/api\/unsubscribe\/(\S+)/.exec(mail.text ?? "");
      expect(app.token.readUnsubscribe(link![1])).toEqual({ orgId: org.id, kind: "infrastructure", email: to });
      // RFC 8058: the signed link in List-Unsubscribe, and the one-click POST marker.
      const lines = mail.headerLines.map((header) => header.line.replace(/\r\n\s*/g, " "));
      expect(lines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      expect(lines).toContain(`List-Unsubscribe: <https://console.test/api/unsubscribe/${link![1]}>`);
    }
    expect((await outboxOf(org.id)).every((row) => row.status === "sent" && row.sentAt)).toBe(true);
    // A second drain sends nothing again.
    await app.outbox.drainOutbox(t.db, "sender");
    for (const to of contacts) expect(smtp.to(to)).toHaveLength(1);
  });

  it("without admin contact emails, the owner and admins receive it; developers and viewers do not", async () => {
    const { org, users } = await failingCluster([]);
    await app.outbox.drainOutbox(t.db, "sender");
    expect(smtp.to(users.owner.email)).toHaveLength(1);
    expect(smtp.to(users.admin.email)).toHaveLength(1);
    expect(smtp.to(users.developer.email)).toHaveLength(0);
    expect(smtp.to(users.viewer.email)).toHaveLength(0);
    expect((await outboxOf(org.id)).map((row) => row.recipient).sort()).toEqual([users.owner.email, users.admin.email].map((e) => e.toLowerCase()).sort());
  });

  it("an address unsubscribed from infrastructure notices of this organization is skipped; other kinds and organizations are not", async () => {
    const tag = app.factories.uniqueTag();
    const quiet = `quiet-${tag}@example.test`;
    const { org: first } = await failingCluster([quiet]);
    await app.subscriptions.unsubscribe(t.db, { orgId: first.id, kind: "infrastructure", email: quiet });
    const second = await failingCluster([quiet]);
    const { org } = second;
    await app.subscriptions.unsubscribe(t.db, { orgId: org.id, kind: "weekly_report", email: quiet });
    await app.outbox.drainOutbox(t.db, "sender");
    // The first organization's notice was queued before the unsubscribe: one email; the second's is queued too.
    expect(smtp.to(quiet)).toHaveLength(2);
    await app.subscriptions.unsubscribe(t.db, { orgId: org.id, kind: "infrastructure", email: quiet.toUpperCase() });
    const { actOnCluster, runQueuedJobs } = app.clusterSupport;
    const [cluster] = await t.db.select().from(app.schema.clusters).where(eq(app.schema.clusters.orgId, org.id));
    expect(await actOnCluster(t.db, "retry", second.users.owner, org, { clusterId: cluster.id })).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, { name: "failing", perform: () => Promise.reject(new app.engineTypes.EngineError("again")) });
    expect(await outboxOf(org.id)).toHaveLength(1);
    await app.outbox.drainOutbox(t.db, "sender");
    expect(smtp.to(quiet)).toHaveLength(2);
  });
});

describe("the outbox", () => {
  it("a rollback queues nothing, and a repeated dedupe key queues once", async () => {
    const { org } = await app.factories.makeOrgWithEveryRole(t.db);
    const email = { orgId: org.id, kind: "maintenance" as const, to: "Roll@Example.test", subject: "s", text: "t", dedupeKey: `test:${org.id}` };
    await expect(
      t.db.transaction(async (tx) => {
        expect(await app.outbox.enqueueNotice(tx, email, "https://console.test")).toBe(true);
        throw new Error("the deciding transaction failed");
      }),
    ).rejects.toThrow("the deciding transaction failed");
    expect(await outboxOf(org.id)).toHaveLength(0);
    expect(await app.outbox.enqueueNotice(t.db, email, "https://console.test")).toBe(true);
    expect(await app.outbox.enqueueNotice(t.db, email, "https://console.test")).toBe(false);
    expect((await outboxOf(org.id)).map((row) => row.recipient)).toEqual(["roll@example.test"]);
    await app.outbox.drainOutbox(t.db, "sender");
  });

  it("two senders claim different emails (SKIP LOCKED); a refused email is retried with backoff, then marked failed", async () => {
    const { org } = await app.factories.makeOrgWithEveryRole(t.db);
    const tag = app.factories.uniqueTag();
    for (const to of [`a-${tag}@example.test`, `bounce-${tag}@example.test`]) {
      await app.outbox.enqueueNotice(t.db, { orgId: org.id, kind: "maintenance", to, subject: "Window", text: "Body", dedupeKey: `m:${to}` }, "https://console.test");
    }
    const first = await app.outbox.claimEmail(t.db, "one");
    const second = await app.outbox.claimEmail(t.db, "two");
    expect(first && second && first.id !== second.id).toBe(true);
    expect(await app.outbox.claimEmail(t.db, "three")).toBeNull();
    await app.outbox.deliverEmail(t.db, first!, "one");
    await app.outbox.deliverEmail(t.db, second!, "two");
    expect(smtp.to(`a-${tag}@example.test`)).toHaveLength(1);
    const bounced = () => t.db.select().from(app.schema.mailOutbox).where(eq(app.schema.mailOutbox.recipient, `bounce-${tag}@example.test`));
    const [afterOne] = await bounced();
    expect(afterOne).toMatchObject({ status: "queued", attempts: 1 });
    expect(afterOne.runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(afterOne.lastError).toContain("mailbox unavailable");
    // Not due yet: nothing to claim.
    expect(await app.outbox.claimEmail(t.db, "one")).toBeNull();
    for (let attempt = 2; attempt <= app.outbox.outboxMaxAttempts; attempt++) {
      await t.db.update(app.schema.mailOutbox).set({ runAfter: sql`now()` }).where(eq(app.schema.mailOutbox.id, afterOne.id));
      expect(await app.outbox.drainOutbox(t.db, "one")).toBe(1);
    }
    expect((await bounced())[0]).toMatchObject({ status: "failed", attempts: app.outbox.outboxMaxAttempts });
  });

  it("an email whose sender went silent is taken over and sent", async () => {
    const { org } = await app.factories.makeOrgWithEveryRole(t.db);
    const to = `late-${app.factories.uniqueTag()}@example.test`;
    await app.outbox.enqueueNotice(t.db, { orgId: org.id, kind: "maintenance", to, subject: "s", text: "t", dedupeKey: `late:${to}` }, "https://console.test");
    const claimed = await app.outbox.claimEmail(t.db, "crashed");
    expect(claimed).not.toBeNull();
    expect(await app.outbox.claimEmail(t.db, "other")).toBeNull();
    await t.db
      .update(app.schema.mailOutbox)
      .set({ lockedAt: sql`now() - make_interval(secs => ${app.outbox.outboxStaleAfterSeconds + 1})` })
      .where(eq(app.schema.mailOutbox.id, claimed!.id));
    expect(await app.outbox.drainOutbox(t.db, "other")).toBe(1);
    expect(smtp.to(to)).toHaveLength(1);

    // Kept for the retention period, then pruned; queued rows never are.
    await app.outbox.enqueueNotice(t.db, { orgId: org.id, kind: "maintenance", to, subject: "s", text: "t", dedupeKey: `queued:${to}` }, "https://console.test");
    await app.outbox.pruneOutbox(t.db);
    expect(await outboxOf(org.id)).toHaveLength(2);
    await t.db
      .update(app.schema.mailOutbox)
      .set({ createdAt: sql`now() - make_interval(days => ${app.outbox.outboxRetentionDays + 1})` })
      .where(eq(app.schema.mailOutbox.orgId, org.id));
    await app.outbox.pruneOutbox(t.db);
    expect((await outboxOf(org.id)).map((row) => row.dedupeKey)).toEqual([`queued:${to}`]);
    await app.outbox.drainOutbox(t.db, "other");
  });
});
