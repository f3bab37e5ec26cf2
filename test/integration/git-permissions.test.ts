import { asc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, gitInstallations, gitInstallStates, gitRepositories, type Organization, type User } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { grantRepositories, makeInstallation } from "@/lib/factories/git-installations";
import { makeApplication, makeResourceEnvironment } from "@/lib/factories/resources";
import { disconnectedMessage, notConnectedMessage } from "@/lib/git/messages";
import { disconnectGithubApp } from "@/lib/git/actions";
import { beginAs, testApp, useFakeGithub } from "./support/github";
import { useTestDatabase } from "./support/test-database";

// Issue 7, "Must hold": git.manage × every role × a non-member at the action door, for "Install
// Github Application" and "Disconnect", through the definitions the page binds; denials leave
// every Git row unchanged.

const t = useTestDatabase();
const github = useFakeGithub();
const callers: (MemberRole | "outsider")[] = [...memberRoles, "outsider"];
const allowed = (caller: MemberRole | "outsider") => caller !== "outsider" && roleHasPermission(caller, "git.manage");
const refusal = (caller: MemberRole | "outsider") =>
  caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("git.manage")]);

/** Every Git row of the organization, and its audit trail. */
async function snapshot(db: Db, orgId: string) {
  return {
    installations: await db.select().from(gitInstallations).where(eq(gitInstallations.orgId, orgId)),
    repositories: await db.select().from(gitRepositories).where(eq(gitRepositories.orgId, orgId)).orderBy(asc(gitRepositories.id)),
    states: await db.select().from(gitInstallStates).where(eq(gitInstallStates.orgId, orgId)).orderBy(asc(gitInstallStates.nonce)),
    audit: await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id)),
  };
}

function disconnectAs(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">) {
  return runOrgAction(disconnectGithubApp, { db: t.db, userId: user?.id ?? null, slug: org.slug, input: {} });
}

/** A connected organization whose applications use two of its three granted repositories (names in other case). */
async function connectedOrg() {
  const built = await makeOrgWithEveryRole(t.db);
  const account = `acme-${built.org.slug}`;
  const installation = await makeInstallation(t.db, built.org, { accountLogin: account });
  await grantRepositories(t.db, installation, [`${account}/web`, `${account}/api`, `${account}/docs`]);
  const { project, environment } = await makeResourceEnvironment(t.db, built.org, { name: "production", mode: "production" });
  const web = await makeApplication(t.db, environment, { name: "web", gitRepository: `${account.toUpperCase()}/Web` });
  const api = await makeApplication(t.db, environment, { name: "api", gitRepository: `${account}/api` });
  await makeApplication(t.db, environment, { name: "elsewhere", gitRepository: "someone-else/tool" });
  return { ...built, account, installation, project, environment, apps: { web, api } };
}

describe("Install Github Application at the action door", () => {
  it.each(callers)("as %s", async (caller) => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const before = await snapshot(t.db, org.id);
    const result = await beginAs(t.db, users[caller], org);
    if (!allowed(caller)) {
      expect(result).toStrictEqual({ ok: false, formError: refusal(caller) });
      expect(await snapshot(t.db, org.id)).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, redirectTo: expect.stringMatching(new RegExp(`^${github.fake.url}/apps/${testApp.slug}/installations/new\\?state=v1\\.`)) });
    const after = await snapshot(t.db, org.id);
    expect(after.states).toMatchObject([{ orgId: org.id, userId: users[caller].id, usedAt: null }]);
    expect(after.installations).toEqual([]);
  });

  it("refuses a signed-out caller", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    expect(await beginAs(t.db, null, org)).toStrictEqual({ ok: false, formError: messages.signedOut });
  });

  it("says what to set when the App is not configured", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    vi.stubEnv("GITHUB_APP_ID", "");
    vi.stubEnv("GITHUB_APP_WEBHOOK_SECRET", "");
    try {
      expect(await beginAs(t.db, users.owner, org)).toMatchObject({
        ok: false,
        formError: "The GitHub App is not configured on this server: set GITHUB_APP_ID, GITHUB_APP_WEBHOOK_SECRET.",
      });
    } finally {
      vi.stubEnv("GITHUB_APP_ID", testApp.id);
      vi.stubEnv("GITHUB_APP_WEBHOOK_SECRET", testApp.webhookSecret);
    }
  });
});

describe("Disconnect at the action door", () => {
  it.each(callers)("as %s", async (caller) => {
    const { org, users, account, installation } = await connectedOrg();
    const before = await snapshot(t.db, org.id);
    const result = await disconnectAs(users[caller], org);
    if (!allowed(caller)) {
      expect(result).toStrictEqual({ ok: false, formError: refusal(caller) });
      expect(await snapshot(t.db, org.id)).toEqual(before);
      return;
    }
    const losing = [{ name: "api" }, { name: "web" }];
    expect(result).toStrictEqual({
      ok: true,
      message: disconnectedMessage(account, losing, 2),
      redirectTo: `/orgs/${org.slug}/settings/git?disconnected=${account}&account=Organization`,
    });
    const after = await snapshot(t.db, org.id);
    expect(after.installations).toEqual([]);
    expect(after.repositories).toEqual([]);
    expect(after.audit.slice(before.audit.length)).toMatchObject([
      {
        action: "git.disconnect",
        origin: "ui",
        actorId: users[caller].id,
        targetId: installation.id,
        targetLabel: account,
        before: {
          account,
          accountType: "Organization",
          installationId: installation.installationId,
          repositories: 3,
          applications: expect.arrayContaining([expect.stringMatching(/ \/ production \/ api$/), expect.stringMatching(/ \/ production \/ web$/)]),
          applicationCount: 2,
        },
        after: null,
      },
    ]);
  });

  it("names the applications that lose update and auto-deploy, and the step left on GitHub", async () => {
    const { org, users, account } = await connectedOrg();
    const result = await disconnectAs(users.admin, org);
    expect(result.ok && result.message).toBe(
      `Disconnected the GitHub account ${account}. 2 applications (api, web) lost update and auto-deploy through the App. The platform can again see all repositories your own Git account can. To remove the App from GitHub too, uninstall it in ${account}'s settings on GitHub.`,
    );
  });

  it("refuses when nothing is connected (someone disconnected meanwhile), changing nothing", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const before = await snapshot(t.db, org.id);
    expect(await disconnectAs(users.owner, org)).toMatchObject({ ok: false, formError: notConnectedMessage });
    expect(await snapshot(t.db, org.id)).toEqual(before);
  });

  it("touches no other organization's installation", async () => {
    const mine = await connectedOrg();
    const theirs = await connectedOrg();
    const theirsBefore = await snapshot(t.db, theirs.org.id);
    expect(await disconnectAs(mine.users.owner, mine.org)).toMatchObject({ ok: true });
    expect(await snapshot(t.db, theirs.org.id)).toEqual(theirsBefore);
  });

  it("an organization can connect again after disconnecting", async () => {
    const { org, users } = await connectedOrg();
    expect(await beginAs(t.db, users.owner, org)).toMatchObject({ ok: false });
    await disconnectAs(users.owner, org);
    expect(await beginAs(t.db, users.owner, org)).toMatchObject({ ok: true });
  });
});
