import { describe, expect, it } from "vitest";
import type { Organization } from "@/db/schema";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { createInstallState } from "@/lib/git/install-state";
import { beginInstallUrl, gitRows as rowsOf, installOnGithub, newAccount, setupAs, stateOf, testApp, useFakeGithub } from "./support/github";
import { useTestDatabase } from "./support/test-database";

// Issue 7: the install, end to end against a real local HTTP server that plays GitHub: the action
// sends the browser to GitHub's installation page with a signed state, the page redirects back to
// the setup URL, and the setup callback verifies the state, fetches the installation with the App's
// JWT and its repositories with an installation token (all pages), then stores them. Refusals are
// in git-install-refusals.test.ts.

const t = useTestDatabase();
const github = useFakeGithub();
const gitRows = (org: Pick<Organization, "id">) => rowsOf(t.db, org);
const begin = (org: Organization, user: { id: string }) => beginInstallUrl(t.db, org, user);
const names = (count: number) => Array.from({ length: count }, (_, i) => `service-${String(i + 1).padStart(3, "0")}`);

describe("installing through GitHub's installation page", () => {
  it("connects the account with every repository, across pages, in one audited step", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const url = await begin(org, users.admin);
    expect(url).toMatch(new RegExp(`^${github.fake.url}/apps/${testApp.slug}/installations/new\\?state=`));

    const account = newAccount();
    github.app.requests.length = 0;
    const back = await installOnGithub(url, { account, repositories: names(230) });
    expect(`${back.origin}${back.pathname}`).toBe("https://console.test/api/github/setup");
    expect(back.searchParams.get("setup_action")).toBe("install");
    expect(back.searchParams.get("state")).toBe(stateOf(url));

    const answer = await setupAs(t.db, users.admin, back.searchParams);
    expect(answer).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git`, flash: `Connected the GitHub account ${account}: 230 repositories authorized.` });

    const installationId = Number(back.searchParams.get("installation_id"));
    // The App's JWT for the installation, an installation token, then three pages of 100.
    expect(github.app.requests).toEqual([
      `GET /app/installations/${installationId}`,
      `POST /app/installations/${installationId}/access_tokens`,
      "GET /installation/repositories",
      "GET /installation/repositories",
      "GET /installation/repositories",
    ]);
    const rows = await gitRows(org);
    expect(rows.installations).toMatchObject([{ installationId, accountLogin: account, accountType: "Organization", repositorySelection: "selected", installedBy: users.admin.id, suspendedAt: null }]);
    expect(rows.repositories.map((repo) => repo.fullName)).toEqual(names(230).map((name) => `${account}/${name}`));
    expect(rows.audit).toMatchObject([
      { action: "git.install", origin: "ui", actorId: users.admin.id, targetLabel: account, after: { account, repositories: 230, installationId, repositorySelection: "selected" } },
    ]);
  });

  it("fetches all 5,000 repositories of a large installation (50 pages)", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const url = await begin(org, users.owner);
    const installation = github.app.createInstallation({ account: newAccount(), repositories: 5000, repositorySelection: "all" });
    const answer = await setupAs(t.db, users.owner, { installation_id: String(installation.id), setup_action: "install", state: stateOf(url) });
    expect(answer).toMatchObject({ kind: "redirect", location: `/orgs/${org.slug}/settings/git` });
    const rows = await gitRows(org);
    expect(rows.repositories).toHaveLength(5000);
    expect(rows.installations[0].repositorySelection).toBe("all");
  });

  it("refreshes the same installation coming back through “Redirect on update”", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const account = newAccount();
    const first = await installOnGithub(await begin(org, users.admin), { account, repositories: ["web", "api"] });
    await setupAs(t.db, users.admin, first.searchParams);
    // Connected: the page offers Manage permission, not Install; GitHub still redirects on update.
    const installationId = Number(first.searchParams.get("installation_id"));
    github.app.changeRepositories(installationId, { add: ["worker"], remove: ["web"] });
    const state = await createInstallState(t.db, { orgId: org.id, userId: users.admin.id });
    const answer = await setupAs(t.db, users.admin, { installation_id: String(installationId), setup_action: "update", state });
    expect(answer).toMatchObject({ kind: "redirect", location: `/orgs/${org.slug}/settings/git` });
    const rows = await gitRows(org);
    expect(rows.repositories.map((repo) => repo.fullName)).toEqual([`${account}/api`, `${account}/worker`]);
    expect(rows.audit.map((event) => event.action)).toEqual(["git.install", "git.sync"]);
    expect(rows.audit[1]).toMatchObject({ before: { repositories: 2 }, after: { repositories: 2 } });
  });
});

describe("back from “Manage permission” on GitHub (setup_action=update, no state)", () => {
  async function connectedThroughGithub() {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const account = newAccount();
    const back = await installOnGithub(await begin(org, users.admin), { account, repositories: ["web", "api"] });
    await setupAs(t.db, users.admin, back.searchParams);
    return { org, users, account, installationId: Number(back.searchParams.get("installation_id")) };
  }

  it("refreshes a connected installation from GitHub for someone who manages Git", async () => {
    const { org, users, account, installationId } = await connectedThroughGithub();
    github.app.changeRepositories(installationId, { add: ["docs"] });
    const answer = await setupAs(t.db, users.owner, { installation_id: String(installationId), setup_action: "update" });
    expect(answer).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git`, flash: `Updated the GitHub account ${account} from GitHub: 3 repositories authorized.` });
    expect((await gitRows(org)).audit.map((event) => [event.action, event.actorId])).toEqual([["git.install", users.admin.id], ["git.sync", users.owner.id]]);
  });

  it("changes nothing for a developer of that organization", async () => {
    const { org, users, installationId } = await connectedThroughGithub();
    const before = await gitRows(org);
    const answer = await setupAs(t.db, users.developer, { installation_id: String(installationId), setup_action: "update" });
    expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=forbidden` });
    expect(await gitRows(org)).toEqual(before);
  });

  it("names no organization to an outsider, or for an installation nobody connected", async () => {
    const { users, installationId } = await connectedThroughGithub();
    expect(await setupAs(t.db, users.outsider, { installation_id: String(installationId), setup_action: "update" })).toMatchObject({ kind: "page", code: "not-linked" });
    const lonely = github.app.createInstallation({ account: newAccount() });
    expect(await setupAs(t.db, users.admin, { installation_id: String(lonely.id), setup_action: "update" })).toMatchObject({ kind: "page", code: "not-linked" });
  });
});
