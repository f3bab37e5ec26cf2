import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { gitInstallStates, memberships, type Organization } from "@/db/schema";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { alreadyConnectedMessage } from "@/lib/git/messages";
import { createInstallState } from "@/lib/git/install-state";
import { generateTestAppKey } from "@/scripts/lib/fake-github-app-key";
import { beginAs, beginInstallUrl, gitRows as rowsOf, newAccount, setupAs, stateOf, testApp, useFakeGithub } from "./support/github";
import { useTestDatabase } from "./support/test-database";

// Issue 7, "Must hold": a forged, expired or replayed state (or another user's) is refused, and the
// installation_id in the URL proves nothing on its own: GitHub, asked with the App's JWT, decides.
// Every refusal connects nothing.

const t = useTestDatabase();
const github = useFakeGithub();
const gitRows = (org: Pick<Organization, "id">) => rowsOf(t.db, org);
const begin = (org: Organization, user: { id: string }) => beginInstallUrl(t.db, org, user);

describe("the state", () => {
  async function stateCase() {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const installation = github.app.createInstallation({ account: newAccount(), repositories: 2 });
    return { org, users, installation };
  }

  it("a forged state connects nothing and names no organization", async () => {
    const { org, users, installation } = await stateCase();
    const url = await begin(org, users.admin);
    const forged = stateOf(url).replace(/\.[^.]+$/, ".forgedsignature");
    const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state: forged });
    expect(answer).toMatchObject({ kind: "page", status: 400, code: "state-forged" });
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("no state at all is refused the same way", async () => {
    const { users, installation } = await stateCase();
    expect(await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install" })).toMatchObject({ kind: "page", code: "state-forged" });
  });

  it("an expired state (over 10 minutes) sends the user back to the Git page with the reason", async () => {
    const { org, users, installation } = await stateCase();
    const state = await createInstallState(t.db, { orgId: org.id, userId: users.admin.id }, new Date(Date.now() - 11 * 60 * 1000));
    const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state });
    expect(answer).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git?error=state-expired`, flash: null });
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("a replayed state is refused and changes nothing", async () => {
    const { org, users, installation } = await stateCase();
    const params = { installation_id: String(installation.id), setup_action: "install", state: stateOf(await begin(org, users.admin)) };
    expect(await setupAs(t.db, users.admin, params)).toMatchObject({ kind: "redirect", flash: expect.stringContaining("Connected") });
    const before = await gitRows(org);
    expect(await setupAs(t.db, users.admin, params)).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git?error=state-replayed`, flash: null });
    expect(await gitRows(org)).toEqual(before);
  });

  it("a state started by another user is refused, even for an owner of the organization", async () => {
    const { org, users, installation } = await stateCase();
    const state = stateOf(await begin(org, users.admin));
    const answer = await setupAs(t.db, users.owner, { installation_id: String(installation.id), setup_action: "install", state });
    expect(answer).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git?error=state-other-user`, flash: null });
    // The state was not consumed by the refusal: its own user can still finish.
    expect(await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state })).toMatchObject({ flash: expect.stringContaining("Connected") });
  });

  it("an outsider holding someone's link gets a page of its own, not the organization's", async () => {
    const { org, users, installation } = await stateCase();
    const state = stateOf(await begin(org, users.admin));
    expect(await setupAs(t.db, users.outsider, { installation_id: String(installation.id), setup_action: "install", state })).toMatchObject({ kind: "page", code: "state-other-user" });
  });

  it("is re-checked against the caller's role now: demoted since the click, refused", async () => {
    const { org, users, installation } = await stateCase();
    const state = stateOf(await begin(org, users.admin));
    await t.db.update(memberships).set({ role: "developer" }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, users.admin.id)));
    const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state });
    expect(answer).toEqual({ kind: "redirect", location: `/orgs/${org.slug}/settings/git?error=forbidden`, flash: null });
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("is stored once per click, and only expired ones are cleaned up", async () => {
    const { org, users } = await stateCase();
    await createInstallState(t.db, { orgId: org.id, userId: users.admin.id }, new Date(Date.now() - 20 * 60 * 1000));
    await begin(org, users.admin);
    await begin(org, users.owner);
    const states = await t.db.select().from(gitInstallStates).where(eq(gitInstallStates.orgId, org.id));
    expect(states.map((state) => state.userId).sort()).toEqual([users.admin.id, users.owner.id].sort());
  });
});

describe("what GitHub says decides, never the URL alone", () => {
  async function withState() {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    return { org, users, state: stateOf(await begin(org, users.admin)) };
  }

  it("an installation id this App does not have is refused", async () => {
    const { org, users, state } = await withState();
    github.app.requests.length = 0;
    const answer = await setupAs(t.db, users.admin, { installation_id: "987654321", setup_action: "install", state });
    expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=unknown-installation` });
    expect(github.app.requests).toEqual(["GET /app/installations/987654321"]);
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("a JWT signed with another key is refused by GitHub, and nothing is stored", async () => {
    const { org, users, state } = await withState();
    const installation = github.app.createInstallation({ account: newAccount() });
    vi.stubEnv("GITHUB_APP_PRIVATE_KEY", generateTestAppKey());
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state });
      expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=github-unavailable` });
    } finally {
      vi.stubEnv("GITHUB_APP_PRIVATE_KEY", github.privateKey);
      vi.restoreAllMocks();
    }
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("an installation already linked to another organization is refused", async () => {
    const first = await withState();
    const installation = github.app.createInstallation({ account: newAccount() });
    await setupAs(t.db, first.users.admin, { installation_id: String(installation.id), setup_action: "install", state: first.state });
    const second = await withState();
    const answer = await setupAs(t.db, second.users.admin, { installation_id: String(installation.id), setup_action: "install", state: second.state });
    expect(answer).toMatchObject({ location: `/orgs/${second.org.slug}/settings/git?error=linked-elsewhere` });
    expect((await gitRows(second.org)).installations).toEqual([]);
    expect((await gitRows(first.org)).installations).toHaveLength(1);
  });

  it("a second GitHub account for the same organization is refused, at the button and at the callback", async () => {
    const { org, users, state } = await withState();
    const staleState = stateOf(await begin(org, users.owner));
    const account = newAccount();
    await setupAs(t.db, users.admin, { installation_id: String(github.app.createInstallation({ account }).id), setup_action: "install", state });
    expect(await beginAs(t.db, users.admin, org)).toMatchObject({ ok: false, formError: alreadyConnectedMessage(account) });
    const other = github.app.createInstallation({ account: newAccount() });
    const answer = await setupAs(t.db, users.owner, { installation_id: String(other.id), setup_action: "install", state: staleState });
    expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=already-connected` });
    expect((await gitRows(org)).installations.map((row) => row.accountLogin)).toEqual([account]);
  });

  it("a suspended installation is not connected", async () => {
    const { org, users, state } = await withState();
    const installation = github.app.createInstallation({ account: newAccount(), suspended: true });
    const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state });
    expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=suspended` });
  });

  it("GitHub out of reach: nothing is connected, and the user is told to try again", async () => {
    const { org, users, state } = await withState();
    const installation = github.app.createInstallation({ account: newAccount() });
    // Port 9 (discard): nobody listens there.
    vi.stubEnv("GITHUB_API_URL", "http://127.0.0.1:9/api/v3");
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await setupAs(t.db, users.admin, { installation_id: String(installation.id), setup_action: "install", state });
      expect(answer).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=github-unavailable` });
    } finally {
      vi.stubEnv("GITHUB_API_URL", `${github.fake.url}/api/v3`);
      vi.restoreAllMocks();
    }
    expect((await gitRows(org)).installations).toEqual([]);
  });

  it("a request for approval (setup_action=request) and a missing installation id are explained", async () => {
    const { org, users, state } = await withState();
    expect(await setupAs(t.db, users.admin, { setup_action: "request", state })).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=requested` });
    const again = stateOf(await begin(org, users.admin));
    expect(await setupAs(t.db, users.admin, { installation_id: "12abc", setup_action: "install", state: again })).toMatchObject({ location: `/orgs/${org.slug}/settings/git?error=missing-installation` });
  });

  it("without configuration nothing is attempted", async () => {
    const { users, state } = await withState();
    vi.stubEnv("GITHUB_APP_SLUG", "");
    try {
      expect(await setupAs(t.db, users.admin, { installation_id: "1", setup_action: "install", state })).toMatchObject({ kind: "page", status: 503, code: "not-configured" });
    } finally {
      vi.stubEnv("GITHUB_APP_SLUG", testApp.slug);
    }
  });
});
