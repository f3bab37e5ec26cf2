import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens, cloudAccounts, clusters, type Organization } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";

// Issue 16 part 4: the organization export. Its door (org.export × every role × a non-member),
// what it holds and never holds, what an admin's export leaves out, and that it streams.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { exportEvents, parseExport, readChunks, useExportDoor } = await import("./support/org-export");
const { act, invitationsOf, tokenOf } = await import("./support/member-actions");
const { makeOrgWithEveryRole, makeUser, uniqueTag } = await import("@/lib/factories");
const { makeJoinRequest, makeOrgDomain } = await import("@/lib/factories/domains");
const { makeBillingDetails } = await import("@/lib/factories/billing-details");
const { makeCloudAccount, sampleCredentials } = await import("@/lib/factories/cloud-accounts");
const { makeCluster } = await import("@/lib/factories/clusters");
const { grantRepositories, makeInstallation } = await import("@/lib/factories/git-installations");
const { makeEnvironment, makeProject, makeRule } = await import("@/lib/factories/projects");
const { makeApplication, makeDatabase } = await import("@/lib/factories/resources");
const { makeApiToken } = await import("@/lib/factories/api-tokens");
const { insertBulkAuditEvents } = await import("@/lib/factories/bulk");
const { seal } = await import("@/lib/crypto/sealed-box");
const { buildKubeconfig } = await import("@/lib/clusters/kubeconfig");
const { messages } = await import("@/lib/actions/run-action");

const t = useTestDatabase();
const { exportAs } = useExportDoor(t);

describe("the door: org.export × every role × a non-member", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
  });

  it.each(["developer", "viewer"] as const satisfies readonly MemberRole[])("refuses the %s with 403 and audits nothing", async (role) => {
    const response = await exportAs(people[role], org.slug);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(messages.forbidden("Admin"));
    expect(await exportEvents(t.db, org.id)).toEqual([]);
  });

  it("gives a non-member the 404 of a missing organization, the signed-out a 401, and audits nothing", async () => {
    const outsider = await exportAs(people.outsider, org.slug);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).toBe(messages.notFound);
    expect((await exportAs(people.owner, `missing-${uniqueTag()}`)).status).toBe(404);
    expect((await exportAs(null, org.slug)).status).toBe(401);
    expect(await exportEvents(t.db, org.id)).toEqual([]);
  });

  it.each(["owner", "admin"] as const)("sends the %s a JSON attachment and audits who took it and what it carries", async (role) => {
    const response = await exportAs(people[role], org.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="org-export-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    const document = parseExport(await response.text());
    expect(document).toMatchObject({ schemaVersion: 1, scope: role, exportedBy: { id: people[role].id, email: people[role].email, role } });
    // Recorded before the first byte, so the export's own log holds it (newest first).
    expect(document.auditLog[0]).toMatchObject({ action: "org.export", actor: { id: people[role].id } });
    const events = await exportEvents(t.db, org.id);
    expect(events.at(-1)).toEqual({
      actorId: people[role].id,
      after: { scope: role, billingDetailsIncluded: role === "owner", secretsIncluded: false },
    });
  });
});

describe("during a guided deletion", () => {
  it("still exports (the last chance to keep the data), while writes are refused", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await t.db.execute(sql`update organizations set deletion_requested_at = now(), deletion_requested_by = ${people.owner.id} where id = ${org.id}`);
    const response = await exportAs(people.owner, org.slug);
    expect(response.status).toBe(200);
    const document = parseExport(await response.text());
    expect(document.organization.deletionRequestedAt).not.toBeNull();
    expect(await exportEvents(t.db, org.id)).toHaveLength(1);
    expect(await act(t.db, "invite", people.owner, org, { emails: `late-${uniqueTag()}@example.test`, role: "viewer" })).toMatchObject({ ok: false });
  });
});

describe("what an export holds", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
    await t.db.execute(sql`update organizations set admin_contact_emails = '{ops@acme.test}' where id = ${org.id}`);
    expect(await act(t.db, "invite", people.owner, org, { emails: `pending-${uniqueTag()}@example.test`, role: "developer" })).toMatchObject({ ok: true });
    const [invitation] = await invitationsOf(t.db, org.id);
    Object.assign(secrets, { invitationToken: tokenOf(invitation), invitationHash: invitation.tokenHash, invitationNonce: invitation.tokenNonce });

    const kubeconfig = buildKubeconfig({ clusterName: "prod", server: "https://k8s.acme.test", token: `kube-token-${uniqueTag()}`, caData: "Q0EtREFUQQ==" });
    const credentials = sampleCredentials("aws");
    const account = await makeCloudAccount(t.db, org, { name: "Production AWS", credentials });
    const cluster = await makeCluster(t.db, org, { name: "prod", isDefault: true, kubeconfigSealed: seal(kubeconfig), cloudAccountId: account.id });
    const [sealedRow] = await t.db.select({ sealed: clusters.kubeconfigSealed }).from(clusters).where(eq(clusters.id, cluster.id));
    const [accountRow] = await t.db.select({ sealed: cloudAccounts.credentialsSealed }).from(cloudAccounts).where(eq(cloudAccounts.id, account.id));
    if (credentials.provider !== "aws" || !("secretAccessKey" in credentials)) throw new Error("aws key credentials expected");
    Object.assign(secrets, {
      kubeconfig,
      kubeToken: /token: (\S+)/.exec(kubeconfig)![1],
      kubeconfigSealed: sealedRow.sealed!,
      credentialsSealed: accountRow.sealed,
      secretAccessKey: credentials.secretAccessKey,
      accessKeyId: credentials.accessKeyId,
    });

    const project = await makeProject(t.db, org, { name: "Storefront", createdBy: people.developer.id });
    await makeRule(t.db, project, cluster, { pattern: "preview-*", mode: "preview", position: 1 });
    const environment = await makeEnvironment(t.db, project, cluster, { name: "production", mode: "production" });
    await makeApplication(t.db, environment, { name: "web", gitRepository: "acme/web" });
    await makeDatabase(t.db, environment, { name: "orders", type: "postgresql" });
    const installation = await makeInstallation(t.db, org, { accountLogin: "acme-gh", installedBy: people.admin.id });
    await grantRepositories(t.db, installation, ["acme/web", "acme/api"]);
    await makeBillingDetails(t.db, org, people.owner);
    const domain = await makeOrgDomain(t.db, org, { policy: "request" });
    const requester = await makeUser(t.db, { email: `rae-${uniqueTag()}@${domain.domain}`, name: "Rae Requester" });
    await makeJoinRequest(t.db, org, requester, domain.domain);
    await makeOrgDomain(t.db, org, { verified: false });
    Object.assign(secrets, { verificationToken: domain.verificationToken });
    await t.db.execute(sql`update memberships set last_active_at = '2026-11-30T10:00:00Z' where org_id = ${org.id} and user_id = ${people.developer.id}`);
    await t.db.execute(sql`
      insert into audit_events (org_id, actor_id, actor_label, action, target_type, target_label, origin, after)
      values (${org.id}, ${people.owner.id}, 'Olivia Owner', 'billing.details_update', 'organization', ${org.name}, 'ui',
        '{"vatNumber":"FR40303265045","addressLine1":"12 rue de la Paix"}')`);
    const token = await makeApiToken(t.db, people.owner);
    const [tokenRow] = await t.db.select({ hash: apiTokens.tokenHash }).from(apiTokens).where(eq(apiTokens.id, token.id));
    Object.assign(secrets, { apiToken: token.token, apiTokenHash: tokenRow.hash });
  });

  it("gives the owner every section, valid against the schema, and no sealed or hashed value", async () => {
    const text = await (await exportAs(people.owner, org.slug)).text();
    const document = parseExport(text);
    expect(Object.keys(document)).toEqual([
      "schemaVersion", "exportedAt", "exportedBy", "scope", "organization", "billingDetails",
      "members", "invitations", "domains", "joinRequests", "clusters", "cloudAccounts", "git", "projects", "auditLog",
    ]);
    expect(document.domains.map((d) => [d.policy, d.verifiedAt === null])).toEqual(expect.arrayContaining([["request", false], ["invite_only", true]]));
    expect(document.joinRequests).toEqual([expect.objectContaining({ person: expect.objectContaining({ name: "Rae Requester" }) })]);
    expect(document.members.find((m) => m.userId === people.developer.id)?.lastActiveAt).toBe("2026-11-30T10:00:00.000Z");
    expect(document.organization).toMatchObject({ id: org.id, slug: org.slug, name: org.name, plan: org.plan, adminContactEmails: ["ops@acme.test"], memberCount: 4 });
    expect(document.billingDetails).toMatchObject({ companyName: "Acme SAS", vatNumber: "FR40303265045", country: "FR" });
    expect(document.members.map((m) => [m.email, m.role]).sort()).toEqual(
      (["owner", "admin", "developer", "viewer"] as const).map((role) => [people[role].email, role]).sort(),
    );
    expect(document.invitations).toHaveLength(1);
    expect(document.invitations[0]).toMatchObject({ role: "developer", invitedBy: { id: people.owner.id } });
    expect(document.clusters).toEqual([expect.objectContaining({ name: "prod", isDefault: true, provider: "aws" })]);
    expect(document.cloudAccounts).toEqual([expect.objectContaining({ name: "Production AWS", provider: "aws", maskedSecret: `…${secrets.secretAccessKey.slice(-4)}` })]);
    expect(document.git).toMatchObject({ accountLogin: "acme-gh", installedBy: { id: people.admin.id }, repositories: [{ fullName: "acme/api" }, { fullName: "acme/web" }] });
    expect(document.projects).toEqual([
      expect.objectContaining({
        name: "Storefront",
        createdBy: expect.objectContaining({ id: people.developer.id }),
        deploymentRules: [expect.objectContaining({ pattern: "preview-*", mode: "preview" })],
        environments: [
          expect.objectContaining({
            name: "production",
            applications: [expect.objectContaining({ name: "web", gitRepository: "acme/web" })],
            databases: [expect.objectContaining({ name: "orders", type: "postgresql" })],
          }),
        ],
      }),
    ]);
    expect(document.auditLog.map((event) => event.action)).toEqual(["org.export", "billing.details_update", "invitation.create", "org.create"]);
    expect(document.auditLog[1].after).toEqual({ vatNumber: "FR40303265045", addressLine1: "12 rue de la Paix" });
    for (const [name, secret] of Object.entries(secrets)) expect(text.includes(secret), `${name} leaked`).toBe(false);
    expect(text).not.toMatch(/tokenHash|tokenNonce|kubeconfigSealed|credentialsSealed|secretLast4|token_hash/);
  });

  it("leaves billing details out of an admin's export, its audit event's values too", async () => {
    const text = await (await exportAs(people.admin, org.slug)).text();
    const document = parseExport(text);
    expect(document.scope).toBe("admin");
    expect("billingDetails" in document).toBe(false);
    const billingEvent = document.auditLog.find((event) => event.action === "billing.details_update");
    expect(billingEvent).toMatchObject({ before: null, after: null, redacted: true });
    expect(text).not.toContain("FR40303265045");
    expect(text).not.toContain("rue de la Paix");
    // Everything else is there.
    expect(document.members).toHaveLength(4);
    expect(document.projects[0].environments[0].applications).toHaveLength(1);
    for (const [name, secret] of Object.entries(secrets)) expect(text.includes(secret), `${name} leaked`).toBe(false);
  });
});

describe("streaming", () => {
  it("streams 50,000 audit events in keyset batches, every one once, newest first", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const label = (user: typeof people.owner) => `${user.name} <${user.email}>`;
    await insertBulkAuditEvents(t.db, org.id, { main: { id: people.admin.id, label: label(people.admin) }, rare: { id: people.owner.id, label: label(people.owner) } }, 50_000);

    const response = await exportAs(people.owner, org.slug);
    const { text, chunks, largestChunk } = await readChunks(response);
    // One piece per batch of 1,000 events (and a few for the rest): no piece holds the whole log.
    expect(chunks).toBeGreaterThanOrEqual(50);
    expect(largestChunk).toBeLessThan(text.length / 10);
    const document = parseExport(text);
    expect(document.auditLog).toHaveLength(50_002);
    expect(new Set(document.auditLog.map((event) => event.id)).size).toBe(50_002);
    const times = document.auditLog.map((event) => Date.parse(event.createdAt));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1])).toBe(true);
    expect(document.auditLog.slice(0, 2).map((event) => event.action)).toEqual(["org.export", "org.create"]);
    expect(document.auditLog.at(-1)?.action).toBe("org.update");
  }, 120_000);
});

describe("the hourly limit per organization", () => {
  it("answers the export past the limit 429 with when to try again, writes no audit event for it, and leaves other organizations alone", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const { org: other, users: others } = await makeOrgWithEveryRole(t.db);
    const { env } = await import("@/lib/env");
    // The limit is the environment's: use it up by the real door, owner and admin alike.
    for (let i = 0; i < env.RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR; i++) {
      const response = await exportAs(i % 2 ? people.admin : people.owner, org.slug);
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await exportAs(people.owner, org.slug);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(new RegExp(`^This organization was exported ${env.RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR} times in the last hour, the most allowed\\. Try again after \\d{2}:\\d{2} UTC`));
    expect(await exportEvents(t.db, org.id)).toHaveLength(env.RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR);
    expect((await exportAs(others.owner, other.slug)).status).toBe(200);
  });
});
