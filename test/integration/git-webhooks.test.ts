import { createHmac, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, gitInstallations, gitRepositories, githubWebhookDeliveries, type Organization } from "@/db/schema";
import { describeAuditEvent } from "@/lib/audit/catalog";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeApplication, makeResourceEnvironment } from "@/lib/factories/resources";
import { handleWebhookRequest, maxWebhookBytes } from "@/lib/git/webhook-http";
import { signedWebhookRequest, type Webhook } from "@/scripts/lib/fake-github-webhooks";
import { beginAs, setupAs, stateOf, testApp, useFakeGithub } from "./support/github";
import { openClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";

// POST /api/github/webhooks through its handler, with real Requests signed as GitHub signs them
// and payloads the local GitHub produces when its installations change.

const t = useTestDatabase();
const github = useFakeGithub();
const url = "https://console.test/api/github/webhooks";
const secret = testApp.webhookSecret;

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

let accounts = 0;

/** An organization connected through the real setup flow, with an application on `<account>/web`. */
async function connected() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const account = `hooks-${process.pid}-${++accounts}`;
  const installation = github.app.createInstallation({ account, repositories: ["web", "api", "docs"] });
  const begun = await beginAs(t.db, users.admin, org);
  await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state: stateOf(begun.ok ? begun.redirectTo! : "") });
  const { environment } = await makeResourceEnvironment(t.db, org, { name: "production", mode: "production" });
  await makeApplication(t.db, environment, { name: "storefront", gitRepository: `${account}/web` });
  return { org, users, account, installation };
}

async function snapshot(org: Pick<Organization, "id">) {
  return {
    installation: (await t.db.select().from(gitInstallations).where(eq(gitInstallations.orgId, org.id)))[0] ?? null,
    repositories: (await t.db.select().from(gitRepositories).where(eq(gitRepositories.orgId, org.id)).orderBy(asc(gitRepositories.fullName))).map((r) => r.fullName),
    audit: await t.db.select().from(auditEvents).where(eq(auditEvents.orgId, org.id)).orderBy(asc(auditEvents.id)),
  };
}

const deliveriesCount = async () => (await t.db.select().from(githubWebhookDeliveries)).length;

async function deliver(webhook: Webhook, options: { deliveryId?: string; signature?: string | null; secret?: string } = {}) {
  const request = await signedWebhookRequest(url, options.secret ?? secret, webhook, options);
  const response = await handleWebhookRequest(t.db, request, secret);
  return { status: response.status, body: await response.json() };
}

describe("refused before anything is read", () => {
  it.each([
    ["a missing signature", { signature: null }],
    ["a signature under another secret", { secret: "not the webhook secret" }],
    ["a malformed signature", { signature: "sha256=nothex" }],
    ["GitHub's test vector signature on another body", { signature: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" }],
  ])("%s: 401 and nothing written", async (_label, options) => {
    const { org, installation } = await connected();
    const before = await snapshot(org);
    const deliveries = await deliveriesCount();
    const { webhook } = github.app.changeRepositories(installation.id, { remove: ["web"] });
    expect(await deliver(webhook, options)).toMatchObject({ status: 401, body: { error: "invalid_signature" } });
    expect(await snapshot(org)).toEqual(before);
    expect(await deliveriesCount()).toBe(deliveries);
  });

  // Octokit's verify does the comparison; these pin what it refuses (and the one liberty kept:
  // the hex in capitals, as a proxy may pass it on).
  it("a real signature altered in any way: 401 and nothing written; in capitals: applied", async () => {
    const { org, installation } = await connected();
    const before = await snapshot(org);
    const { webhook } = github.app.suspend(installation.id);
    const signed = await signedWebhookRequest(url, secret, webhook);
    const body = await signed.text();
    const published = signed.headers.get("x-hub-signature-256")!;
    const hex = published.slice("sha256=".length);
    const withSignature = (signature: string) => {
      const headers = new Headers(signed.headers);
      headers.set("x-hub-signature-256", signature);
      return new Request(url, { method: "POST", headers, body });
    };
    const altered = [
      "",
      `sha256=${hex.slice(0, -1)}${hex.endsWith("7") ? "8" : "7"}`,
      hex,
      `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
      published.slice(0, -2),
      `${published}00`,
      `sha256=${"z".repeat(64)}`,
      `${published},${published}`,
    ];
    for (const signature of altered) {
      const response = await handleWebhookRequest(t.db, withSignature(signature), secret);
      expect([signature, response.status]).toEqual([signature, 401]);
    }
    expect(await snapshot(org)).toEqual(before);
    const capitals = withSignature(published.toUpperCase());
    expect((await handleWebhookRequest(t.db, capitals, secret)).status).toBe(200);
  });

  it("anything, when the webhook secret is empty: 401", async () => {
    const request = await signedWebhookRequest(url, "", { event: "ping", payload: { zen: "Design for failure." } }, { signature: `sha256=${createHmac("sha256", "").update('{"zen":"Design for failure."}').digest("hex")}` });
    expect((await handleWebhookRequest(t.db, request, "")).status).toBe(401);
  });

  it("a body changed after signing: 401", async () => {
    const { org, installation } = await connected();
    const before = await snapshot(org);
    const { webhook } = github.app.suspend(installation.id);
    const signed = await signedWebhookRequest(url, secret, webhook);
    const tampered = new Request(url, { method: "POST", headers: signed.headers, body: (await signed.text()).replace('"suspend"', '"unsuspend"') });
    expect((await handleWebhookRequest(t.db, tampered, secret)).status).toBe(401);
    expect(await snapshot(org)).toEqual(before);
  });

  it("signed, but without X-GitHub-Event or X-GitHub-Delivery: 400", async () => {
    for (const header of ["x-github-event", "x-github-delivery"]) {
      const request = await signedWebhookRequest(url, secret, { event: "ping", payload: { zen: "Keep it logically awesome." } });
      const headers = new Headers(request.headers);
      headers.delete(header);
      const response = await handleWebhookRequest(t.db, new Request(url, { method: "POST", headers, body: await request.text() }), secret);
      expect([response.status, (await response.json()).error]).toEqual([400, "missing_headers"]);
    }
  });

  it("signed, but not JSON: 400", async () => {
    const body = "not json";
    const { sign } = await import("@octokit/webhooks-methods");
    const request = new Request(url, {
      method: "POST",
      headers: { "x-github-event": "installation", "x-github-delivery": randomUUID(), "x-hub-signature-256": await sign(secret, body) },
      body,
    });
    expect((await handleWebhookRequest(t.db, request, secret)).status).toBe(400);
  });

  it("over 1 MiB, declared or streamed: 413", async () => {
    const big = "x".repeat(maxWebhookBytes + 1);
    const declared = new Request(url, { method: "POST", headers: { "content-length": String(big.length) }, body: big });
    expect((await handleWebhookRequest(t.db, declared, secret)).status).toBe(413);
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request(url, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect((await handleWebhookRequest(t.db, streamed, secret)).status).toBe(413);
  });
});

describe("applied once, each with a webhook audit event", () => {
  it("repositories removed on GitHub leave the list; the event names the application that lost it", async () => {
    const { org, account, installation } = await connected();
    const { webhook } = github.app.changeRepositories(installation.id, { remove: ["web", "docs"] });
    expect(await deliver(webhook)).toEqual({ status: 200, body: { ok: true, result: "applied", action: "installation_repositories.removed" } });
    const after = await snapshot(org);
    expect(after.repositories).toEqual([`${account}/api`]);
    const event = after.audit.at(-1)!;
    expect(event).toMatchObject({
      action: "git.repositories.removed",
      origin: "webhook",
      actorId: null,
      actorLabel: "GitHub (webhook)",
      targetLabel: account,
      after: { repositories: [`${account}/web`, `${account}/docs`], repositoryCount: 2, applicationCount: 1, sender: "octocat" },
    });
    expect(describeAuditEvent({ ...event, actor: event.actorLabel })).toMatch(
      new RegExp(`^GitHub \\(webhook\\) reported repositories removed on ${account} \\(by octocat on GitHub\\): ${account}/web and ${account}/docs; 1 application lost update and auto-deploy \\(.+ / production / storefront\\)$`),
    );
  });

  it("repositories added on GitHub join the list", async () => {
    const { org, account, installation } = await connected();
    const { webhook } = github.app.changeRepositories(installation.id, { add: ["worker", "infra"] });
    expect(await deliver(webhook)).toMatchObject({ status: 200 });
    const after = await snapshot(org);
    expect(after.repositories).toEqual([`${account}/api`, `${account}/docs`, `${account}/infra`, `${account}/web`, `${account}/worker`]);
    expect(after.audit.at(-1)).toMatchObject({ action: "git.repositories.added", origin: "webhook", after: { repositoryCount: 2, repositorySelection: "selected" } });
  });

  it("a redelivery (same X-GitHub-Delivery) is acknowledged and changes nothing", async () => {
    const { org, account, installation } = await connected();
    const deliveryId = randomUUID();
    const added = github.app.changeRepositories(installation.id, { add: ["worker"] });
    expect((await deliver(added.webhook, { deliveryId })).status).toBe(200);
    expect((await deliver(github.app.changeRepositories(installation.id, { remove: ["worker"] }).webhook)).status).toBe(200);
    // Applied again, the old "added" would bring worker back: it must not.
    const before = await snapshot(org);
    expect(before.repositories).not.toContain(`${account}/worker`);
    expect(await deliver(added.webhook, { deliveryId })).toMatchObject({ status: 202, body: { result: "duplicate" } });
    expect(await snapshot(org)).toEqual(before);
  });

  it("the same delivery arriving five times at once is applied exactly once", async () => {
    const { org, installation } = await connected();
    const { webhook } = github.app.changeRepositories(installation.id, { remove: ["docs"] });
    const deliveryId = randomUUID();
    const clients = await openClients(t.url, 5);
    try {
      const statuses = await Promise.all(
        clients.dbs.map(async (db) => (await handleWebhookRequest(db, await signedWebhookRequest(url, secret, webhook, { deliveryId }), secret)).status),
      );
      expect(statuses.sort()).toEqual([200, 202, 202, 202, 202]);
    } finally {
      await clients.close();
    }
    expect((await snapshot(org)).audit.filter((event) => event.action === "git.repositories.removed")).toHaveLength(1);
  });

  it("suspended, then unsuspended on GitHub", async () => {
    const { org, installation } = await connected();
    expect(await deliver(github.app.suspend(installation.id).webhook)).toMatchObject({ status: 200, body: { action: "installation.suspend" } });
    const suspended = await snapshot(org);
    expect(suspended.installation!.suspendedAt).toBeInstanceOf(Date);
    expect(suspended.audit.at(-1)).toMatchObject({ action: "git.installation.suspended", origin: "webhook", after: { applicationCount: 1 } });
    expect(await deliver(github.app.unsuspend(installation.id).webhook)).toMatchObject({ status: 200 });
    const back = await snapshot(org);
    expect(back.installation!.suspendedAt).toBeNull();
    expect(back.repositories).toEqual(suspended.repositories);
    expect(back.audit.at(-1)).toMatchObject({ action: "git.installation.unsuspended", origin: "webhook" });
  });

  it("uninstalled on GitHub: kept and marked, its repositories gone, so the page can say what stopped", async () => {
    const { org, account, installation } = await connected();
    expect(await deliver(github.app.uninstall(installation.id).webhook)).toMatchObject({ status: 200, body: { action: "installation.deleted" } });
    const after = await snapshot(org);
    expect(after.installation).toMatchObject({ installationId: installation.id, accountLogin: account, deletedOnGithubAt: expect.any(Date) });
    expect(after.repositories).toEqual([]);
    expect(after.audit.at(-1)).toMatchObject({ action: "git.installation.deleted", origin: "webhook", before: { repositories: 3 }, after: { applicationCount: 1 } });
  });

  it("installed again (installation.created) for a connected installation: GitHub's list replaces ours", async () => {
    const { org, account, installation } = await connected();
    github.app.changeRepositories(installation.id, { add: ["new-one"], remove: ["docs"] });
    expect(await deliver(github.app.createdWebhook(installation.id))).toMatchObject({ status: 200, body: { action: "installation.created" } });
    const after = await snapshot(org);
    expect(after.repositories).toEqual([`${account}/api`, `${account}/new-one`, `${account}/web`]);
    expect(after.audit.at(-1)).toMatchObject({ action: "git.installation.created", origin: "webhook", after: { repositoryCount: 3 } });
  });
});

describe("a signed body replayed under a new X-GitHub-Delivery id changes nothing and audits nothing", () => {
  type Connected = Awaited<ReturnType<typeof connected>>;
  it.each<[string, (c: Connected) => Promise<Webhook>]>([
    ["repositories removed", async ({ installation }) => github.app.changeRepositories(installation.id, { remove: ["docs"] }).webhook],
    ["repositories added", async ({ installation }) => github.app.changeRepositories(installation.id, { add: ["worker"] }).webhook],
    ["installation suspended", async ({ installation }) => github.app.suspend(installation.id).webhook],
    [
      "installation unsuspended",
      async ({ installation }) => {
        expect((await deliver(github.app.suspend(installation.id).webhook)).status).toBe(200);
        return github.app.unsuspend(installation.id).webhook;
      },
    ],
    ["installation deleted", async ({ installation }) => github.app.uninstall(installation.id).webhook],
    [
      "installation created again",
      async ({ installation }) => {
        github.app.changeRepositories(installation.id, { add: ["new-one"] });
        return github.app.createdWebhook(installation.id);
      },
    ],
  ])("%s", async (_label, make) => {
    const setup = await connected();
    const webhook = await make(setup);
    expect(await deliver(webhook)).toMatchObject({ status: 200, body: { result: "applied" } });
    const applied = await snapshot(setup.org);
    for (let replay = 0; replay < 2; replay++) {
      expect(await deliver(webhook, { deliveryId: randomUUID() })).toMatchObject({ status: 202, body: { ok: true, result: "unchanged" } });
    }
    expect(await snapshot(setup.org)).toEqual(applied);
  });
});

describe("acknowledged and ignored: nothing written", () => {
  it.each([
    ["an installation no organization connected (created)", () => github.app.createdWebhook(github.app.createInstallation({ account: `lonely-${randomUUID()}` }).id)],
    ["repositories of an installation no organization connected", () => github.app.changeRepositories(github.app.createInstallation({ account: `lonely-${randomUUID()}` }).id, { remove: ["repo-0001"] }).webhook],
    ["ping", () => ({ event: "ping", payload: { zen: "Design for failure.", hook_id: 1 } })],
    ["an event the console does not use", () => ({ event: "push", payload: { ref: "refs/heads/main" } })],
    ["an event name with digits (projects_v2_item)", () => ({ event: "projects_v2_item", payload: { action: "edited" } })],
  ])("%s: 202", async (_label, make) => {
    const deliveries = await deliveriesCount();
    const events = (await t.db.select().from(auditEvents)).length;
    expect(await deliver(make())).toMatchObject({ status: 202, body: { result: "ignored" } });
    expect(await deliveriesCount()).toBe(deliveries);
    expect((await t.db.select().from(auditEvents)).length).toBe(events);
  });

  it("an installation action the console does not use (new_permissions_accepted): 202", async () => {
    const { org, installation } = await connected();
    const before = await snapshot(org);
    const payload = { ...github.app.suspend(installation.id).webhook.payload, action: "new_permissions_accepted" };
    github.app.unsuspend(installation.id);
    expect(await deliver({ event: "installation", payload })).toMatchObject({ status: 202, body: { result: "ignored" } });
    expect(await snapshot(org)).toEqual(before);
  });
});
