import { generateKeyPairSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { gitInstallations, type Organization, type User } from "@/db/schema";

// Issue 7, the Git Permission page's loader through its real door (the session and the request's
// host are the only things faked): who gets it, the three states (not configured, not connected,
// connected), the repositories with the applications that use them at scale, the warnings, and
// what a page costs in SQL statements.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
// Links are built from APP_URL, never from a request header (read when lib/env loads).
vi.hoisted(() => {
  process.env.APP_URL = "https://console.test";
});

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { makeApplication, makeResourceEnvironment } = await import("@/lib/factories/resources");
const { grantManyRepositories, grantRepositories, makeInstallation } = await import("@/lib/factories/git-installations");
const { loadGitPage } = await import("@/lib/pages/git-page");
const { applicationGitWarnings } = await import("@/lib/git/warnings");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
const appVariables = ["GITHUB_APP_ID", "GITHUB_APP_SLUG", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_WEBHOOK_SECRET", "GITHUB_URL", "GITHUB_API_URL"];
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

function configureApp() {
  Object.assign(process.env, { GITHUB_APP_ID: "12345", GITHUB_APP_SLUG: "org-console-test", GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_APP_WEBHOOK_SECRET: "s3cret" });
}

beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
  configureApp();
});
afterEach(() => {
  for (const name of appVariables) delete process.env[name];
  configureApp();
});

function loadAs(user: Pick<User, "id">, org: Pick<Organization, "slug">, params: Record<string, string> = {}) {
  session.userId = user.id;
  return loadGitPage(org.slug, params);
}

async function page(user: Pick<User, "id">, org: Pick<Organization, "slug">, params: Record<string, string> = {}) {
  const access = await loadAs(user, org, params);
  if (!access.ok) throw new Error("expected the page");
  return access.page;
}

/** An organization with every role and two environments of one project "Shop". */
async function setup() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const cluster = await makeCluster(t.db, org, { isDefault: true });
  const { project, environment: production } = await makeResourceEnvironment(t.db, org, { mode: "production", name: "production", clusterId: cluster.id });
  const { environment: staging } = await makeResourceEnvironment(t.db, org, { mode: "staging", name: "staging", clusterId: cluster.id, project });
  await t.db.update(schema.projects).set({ name: "Shop" }).where(eq(schema.projects.id, project.id));
  return { org, users, production, staging };
}

describe("who gets the page", () => {
  it.each(["owner", "admin"] as const)("opens for the %s", async (role) => {
    const { org, users } = await setup();
    expect(await loadAs(users[role], org)).toMatchObject({ ok: true, page: { setup: null, connection: { state: "not-connected" } } });
  });

  it.each(["developer", "viewer"] as const)("tells the %s it takes the Admin role", async (role) => {
    const { org, users } = await setup();
    expect(await loadAs(users[role], org)).toMatchObject({ ok: false, denial: { requiredRole: "Admin", orgName: org.name } });
  });

  it("is a 404 for a non-member", async () => {
    const { org, users } = await setup();
    const error = await loadAs(users.outsider, org).catch((thrown: { digest?: string }) => String(thrown.digest));
    expect(error).toContain("404");
  });
});

describe("not configured", () => {
  it("names exactly the variables to set and this console's setup and webhook addresses", async () => {
    const { org, users } = await setup();
    delete process.env.GITHUB_APP_PRIVATE_KEY;
    delete process.env.GITHUB_APP_WEBHOOK_SECRET;
    const { setup: instructions } = await page(users.admin, org);
    expect(instructions).toEqual({
      missing: [
        { name: "GITHUB_APP_PRIVATE_KEY", reason: null },
        { name: "GITHUB_APP_WEBHOOK_SECRET", reason: null },
      ],
      setupUrl: "https://console.test/api/github/setup",
      webhookUrl: "https://console.test/api/github/webhooks",
      newAppUrl: "https://github.com/settings/apps/new",
    });
  });

  it("says why a key that is set cannot be used, on GitHub Enterprise's address", async () => {
    const { org, users } = await setup();
    Object.assign(process.env, { GITHUB_APP_PRIVATE_KEY: "not a key", GITHUB_URL: "https://ghe.example.test/" });
    const { setup: instructions } = await page(users.owner, org);
    expect(instructions?.missing).toEqual([{ name: "GITHUB_APP_PRIVATE_KEY", reason: expect.stringContaining("not a PEM private key") }]);
    expect(instructions?.newAppUrl).toBe("https://ghe.example.test/settings/apps/new");
  });
});

describe("not connected", () => {
  it("lists which repositories existing applications use, so they get selected during the install", async () => {
    const { org, users, production, staging } = await setup();
    await makeApplication(t.db, production, { name: "web", gitRepository: "acme/web" });
    await makeApplication(t.db, staging, { name: "web", gitRepository: "Acme/Web" });
    await makeApplication(t.db, staging, { name: "api", gitRepository: "acme/api" });
    const { connection } = await page(users.admin, org);
    expect(connection).toMatchObject({
      state: "not-connected",
      disconnected: null,
      usage: { repositoryTotal: 2, applicationTotal: 3, repositories: [{ fullName: "acme/api", applications: 1 }, { fullName: expect.stringMatching(/^acme\/web$/i), applications: 2 }] },
    });
  });

  it("after a Disconnect, says where to uninstall the App on GitHub (and ignores a login that is not one)", async () => {
    const { org, users } = await setup();
    const { connection } = await page(users.admin, org, { disconnected: "acme-corp", account: "Organization" });
    expect(connection).toMatchObject({ disconnected: { account: "acme-corp", uninstallUrl: "https://github.com/organizations/acme-corp/settings/installations" } });
    const forged = await page(users.admin, org, { disconnected: "<script>", account: "User" });
    expect(forged.connection).toMatchObject({ disconnected: null });
  });

  it("shows a setup error by its code only", async () => {
    const { org, users } = await setup();
    expect((await page(users.admin, org, { error: "state-expired" })).error).toContain("expired");
    expect((await page(users.admin, org, { error: "Your account was hacked" })).error).toBeNull();
  });
});

describe("connected, at scale", () => {
  let fixture: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    fixture = await setup();
    const { org, production, staging } = fixture;
    const installation = await makeInstallation(t.db, org, { accountLogin: "acme", accountAvatarUrl: "https://avatars.example.test/acme" });
    await grantManyRepositories(t.db, installation, { owner: "acme", prefix: "repo", count: 300 });
    // Five applications use repo-0001 (named in any case), one uses repo-0002, one a repository not granted.
    for (const [index, environment] of [production, production, staging, staging, staging].entries()) {
      await makeApplication(t.db, environment, { name: `app-${index}`, gitRepository: index === 0 ? "ACME/Repo-0001" : "acme/repo-0001" });
    }
    await makeApplication(t.db, production, { name: "shop", gitRepository: "acme/repo-0002" });
    await makeApplication(t.db, staging, { name: "legacy", gitRepository: "acme/legacy" });
    // Another organization's application on the same name is none of this page's business.
    const other = await setup();
    await makeApplication(t.db, other.production, { name: "intruder", gitRepository: "acme/repo-0001" });
  });

  it("pages the 300 repositories by name, 50 at a time, each exactly once", async () => {
    const { org, users } = fixture;
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const { connection } = await page(users.admin, org, after ? { after } : {});
      if (connection.state !== "connected") throw new Error("expected connected");
      expect(connection.repositories.length).toBeLessThanOrEqual(50);
      seen.push(...connection.repositories.map((repo) => repo.fullName));
      if (!connection.nextCursor) break;
      after = connection.nextCursor;
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toEqual([...seen].sort());
  });

  it("names the applications of this organization that use each repository: the first three and how many", async () => {
    const { org, users } = fixture;
    const { connection } = await page(users.admin, org);
    if (connection.state !== "connected") throw new Error("expected connected");
    expect(connection.installation).toMatchObject({ accountLogin: "acme", repositoryCount: 300 });
    const [first, second, third] = connection.repositories;
    expect(first).toMatchObject({ fullName: "acme/repo-0001", useCount: 5 });
    expect(first.uses).toHaveLength(3);
    expect(first.uses[0]).toMatchObject({ projectName: "Shop", environmentName: "production", href: expect.stringMatching(/^\/orgs\/.+\/applications\/[0-9a-f-]{36}$/) });
    expect(second).toMatchObject({ fullName: "acme/repo-0002", useCount: 1, uses: [{ name: "shop" }] });
    expect(third).toMatchObject({ useCount: 0, uses: [] });
  });

  it("searches the repositories by name, any case, across pages", async () => {
    const { org, users } = fixture;
    const { connection } = await page(users.admin, org, { q: "REPO-01" });
    if (connection.state !== "connected") throw new Error("expected connected");
    expect(connection.repositories.map((repo) => repo.fullName)).toEqual(Array.from({ length: 50 }, (_, i) => `acme/repo-01${String(i).padStart(2, "0")}`));
    const next = await page(users.admin, org, { q: "REPO-01", after: connection.nextCursor ?? "" });
    if (next.connection.state !== "connected") throw new Error("expected connected");
    expect(next.connection.repositories.map((repo) => repo.fullName)).toEqual(Array.from({ length: 50 }, (_, i) => `acme/repo-01${String(i + 50).padStart(2, "0")}`));
    expect(next.connection.nextCursor).toBeNull();
  });

  it("warns about the repository used but no longer granted, naming the application and where it lives", async () => {
    const { org, users } = fixture;
    const { connection } = await page(users.admin, org);
    if (connection.state !== "connected") throw new Error("expected connected");
    expect(connection.warnings.problem).toBeNull();
    expect(connection.warnings.missingApplications).toBe(1);
    expect(connection.warnings.missing).toEqual([
      expect.objectContaining({
        repository: "acme/legacy",
        count: 1,
        text: "acme/legacy is no longer granted to the Org Console GitHub App: legacy (Shop / staging) can no longer be updated or auto-deployed. Select the repository again in Manage permission.",
      }),
    ]);
    // Disconnect would take update and auto-deploy from the six applications on granted repositories.
    expect(connection.losing.total).toBe(6);
    expect(connection.losing.rows.map((app) => app.name)).not.toContain("legacy");
  });

  it("reads a page in four SQL statements, at any depth, searched or not", async () => {
    const { org, users } = fixture;
    const client = postgres(t.url, { max: 1, onnotice: () => {} });
    let statements = 0;
    const counting = drizzle(client, { schema, logger: { logQuery: () => void statements++ } }) as unknown as Db;
    const previous = holder.__orgConsoleDb;
    holder.__orgConsoleDb = Promise.resolve({ db: counting, close: async () => {} });
    try {
      const count = async (params: Record<string, string>) => {
        statements = 0;
        const result = await page(users.admin, org, params);
        return { statements, result };
      };
      const first = await count({});
      expect(first.statements).toBe(4);
      const cursor = first.result.connection.state === "connected" ? first.result.connection.nextCursor : null;
      expect((await count({ after: cursor ?? "" })).statements).toBe(4);
      expect((await count({ q: "repo-02" })).statements).toBe(4);
    } finally {
      holder.__orgConsoleDb = previous;
      await client.end();
    }
  });
});

describe("installation problems", () => {
  it("suspended or uninstalled on GitHub: the page says every application stopped, and each application says so", async () => {
    const { org, users, production } = await setup();
    const installation = await makeInstallation(t.db, org, { accountLogin: "acme", suspendedAt: new Date() });
    await grantRepositories(t.db, installation, ["acme/web"]);
    const web = await makeApplication(t.db, production, { name: "web", gitRepository: "acme/web" });
    const suspended = await page(users.owner, org);
    if (suspended.connection.state !== "connected") throw new Error("expected connected");
    expect(suspended.connection.warnings.problem).toEqual({
      kind: "suspended",
      text: "The Org Console GitHub App is suspended on GitHub for acme: its 1 application can no longer be updated or auto-deployed. Unsuspend it on GitHub in Manage permission.",
    });
    expect((await applicationGitWarnings(t.db, org.id, [web])).get(web.id)).toContain("is suspended on GitHub: web can no longer be updated or auto-deployed");

    await t.db.update(gitInstallations).set({ deletedOnGithubAt: new Date() }).where(eq(gitInstallations.id, installation.id));
    const uninstalled = await page(users.owner, org);
    if (uninstalled.connection.state !== "connected") throw new Error("expected connected");
    expect(uninstalled.connection.warnings.problem?.kind).toBe("uninstalled");
    expect(uninstalled.connection.warnings.problem?.text).toContain("was uninstalled from acme on GitHub: its 1 application can no longer be updated or auto-deployed");
    expect((await applicationGitWarnings(t.db, org.id, [web])).get(web.id)).toContain("was uninstalled on GitHub: web can no longer be updated");
  });

  it("an application's own warning names its repository and place; none without an installation or when granted", async () => {
    const { org, production } = await setup();
    const web = await makeApplication(t.db, production, { name: "web", gitRepository: "acme/web" });
    const api = await makeApplication(t.db, production, { name: "api", gitRepository: "acme/api" });
    expect((await applicationGitWarnings(t.db, org.id, [web, api])).size).toBe(0);
    const installation = await makeInstallation(t.db, org);
    await grantRepositories(t.db, installation, ["ACME/WEB"]);
    const warnings = await applicationGitWarnings(t.db, org.id, [web, api], { projectName: "Shop", environmentName: "production" });
    expect(warnings.has(web.id)).toBe(false);
    expect(warnings.get(api.id)).toBe(
      "acme/api is no longer granted to the Org Console GitHub App: api (Shop / production) can no longer be updated or auto-deployed. An owner or admin can select the repository again in Organization settings → Git Permission → Manage permission.",
    );
  });
});
