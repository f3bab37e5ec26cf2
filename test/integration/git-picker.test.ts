import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, User } from "@/db/schema";

// Issue 7, what members see once the GitHub App is installed: the repository picker offers only the
// installation's repositories (bounded, searchable on the server), and the server refuses any other
// repository when an application is added or moved — whatever the page offered. Without an
// installation the field stays free text.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { actOnResource, formFor, resourceFixture, snapshotResources } = await import("./support/resource-actions");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { grantManyRepositories, grantRepositories, makeInstallation } = await import("@/lib/factories/git-installations");
const { repositoryChoices } = await import("@/lib/git/queries");
const { loadApplicationPage, loadNewApplicationPage } = await import("@/lib/pages/resource-item-pages");
const { GET: searchRepositories } = await import("@/app/(console)/orgs/[slug]/settings/git/repositories/route");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

const modeClasses = ["development", "production"] as const;
const notGranted = (repository: string) => `${repository} is not among the repositories granted to the Org Console GitHub App.`;

async function installed(repositories: string[]) {
  const f = await resourceFixture(t.db);
  const installation = await makeInstallation(t.db, f.org);
  await grantRepositories(t.db, installation, repositories);
  return f;
}

describe("the server keeps applications within the installation", () => {
  it.each(modeClasses)("adding one in %s: a repository outside the installation is a field error and nothing is written", async (modeClass) => {
    const f = await installed(["acme/web", "acme/api"]);
    const before = await snapshotResources(t.db, f.org.id);
    const result = await actOnResource(t.db, "application", "create", f.users.admin, f.org, { ...formFor(f, "application", "create", modeClass), gitRepository: "acme/secret" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { gitRepository: expect.stringContaining(notGranted("acme/secret")) } });
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
  });

  it.each(modeClasses)("adding one in %s: a granted repository goes, named in any case", async (modeClass) => {
    const f = await installed(["acme/web", "acme/api"]);
    const result = await actOnResource(t.db, "application", "create", f.users.admin, f.org, { ...formFor(f, "application", "create", modeClass), gitRepository: "ACME/Api" });
    expect(result).toMatchObject({ ok: true });
  });

  it.each(modeClasses)("editing one in %s: moving it outside the installation is refused, keeping or moving within it goes", async (modeClass) => {
    // The fixture's applications use acme/web; the installation no longer grants it.
    const f = await installed(["acme/api"]);
    const form = { ...formFor(f, "application", "update", modeClass), name: "web" };
    const before = await snapshotResources(t.db, f.org.id);
    const moved = await actOnResource(t.db, "application", "update", f.users.admin, f.org, { ...form, gitRepository: "acme/other" });
    expect(moved).toMatchObject({ ok: false, fieldErrors: { gitRepository: expect.stringContaining(notGranted("acme/other")) } });
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
    // Keeping its repository (any case) while changing the branch: its warning already says what stopped.
    expect(await actOnResource(t.db, "application", "update", f.users.admin, f.org, { ...form, gitRepository: "Acme/Web", branch: "hotfix" })).toMatchObject({ ok: true });
    expect(await actOnResource(t.db, "application", "update", f.users.admin, f.org, { ...form, gitRepository: "acme/api" })).toMatchObject({ ok: true });
  });

  it("without an installation any repository goes", async () => {
    const f = await resourceFixture(t.db);
    const created = await actOnResource(t.db, "application", "create", f.users.developer, f.org, { ...formFor(f, "application", "create", "development"), gitRepository: "anyone/anything" });
    expect(created).toMatchObject({ ok: true });
    const updated = await actOnResource(t.db, "application", "update", f.users.developer, f.org, { ...formFor(f, "application", "update", "development"), gitRepository: "someone/else" });
    expect(updated).toMatchObject({ ok: true });
  });

  it("another organization's installation does not bind this one", async () => {
    const f = await resourceFixture(t.db);
    const { org: other } = await makeOrgWithEveryRole(t.db);
    await grantRepositories(t.db, await makeInstallation(t.db, other), ["acme/web"]);
    const created = await actOnResource(t.db, "application", "create", f.users.admin, f.org, { ...formFor(f, "application", "create", "development"), gitRepository: "free/choice" });
    expect(created).toMatchObject({ ok: true });
  });
});

describe("the picker", () => {
  let f: Awaited<ReturnType<typeof resourceFixture>>;
  beforeAll(async () => {
    f = await resourceFixture(t.db);
    await grantManyRepositories(t.db, await makeInstallation(t.db, f.org), { owner: "acme", prefix: "repo", count: 150 });
  });

  it("offers the first 100 repositories by name, says there are more, and searches them all on the server", async () => {
    const first = await repositoryChoices(t.db, f.org.id);
    expect(first).toMatchObject({ installed: true, total: 150, more: true });
    if (!first.installed) throw new Error("expected an installation");
    expect(first.names).toHaveLength(100);
    expect(first.names[0]).toBe("acme/repo-0001");
    expect(await repositoryChoices(t.db, f.org.id, "REPO-014")).toEqual({
      installed: true,
      total: 150,
      more: false,
      names: Array.from({ length: 10 }, (_, i) => `acme/repo-014${i}`),
    });
    const { org: bare } = await makeOrgWithEveryRole(t.db);
    expect(await repositoryChoices(t.db, bare.id)).toEqual({ installed: false });
  });

  function search(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, q: string) {
    session.userId = user?.id ?? null;
    const url = `https://console.test/orgs/${org.slug}/settings/git/repositories?q=${encodeURIComponent(q)}`;
    return searchRepositories(new Request(url), { params: Promise.resolve({ slug: org.slug }) });
  }

  it("answers every member's search as JSON, and nobody else's", async () => {
    for (const role of ["owner", "admin", "developer", "viewer"] as const) {
      const response = await search(f.users[role], f.org, "repo-0150");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ installed: true, total: 150, more: false, names: ["acme/repo-0150"] });
    }
    expect((await search(f.users.outsider, f.org, "repo")).status).toBe(404);
    expect((await search(null, f.org, "repo")).status).toBe(401);
  });

  it("answers 400, not 500, to a search PostgreSQL could not take (a NUL) or too long to be a name", async () => {
    for (const q of ["a\u0000b", "\u007f", "x".repeat(101)]) {
      const response = await search(f.users.owner, f.org, q);
      expect(response.status, JSON.stringify(q)).toBe(400);
      expect(await response.json()).toMatchObject({ error: "bad_query" });
    }
  });

  it("is on the Add application page and the application's edit form; the application's warning too", async () => {
    session.userId = f.users.developer.id;
    const development = f.environments.development;
    const added = await loadNewApplicationPage(f.org.slug, f.project.id, development.id);
    expect(added).toMatchObject({ ok: true, repositories: { total: 150, more: true, searchUrl: `/orgs/${f.org.slug}/settings/git/repositories` } });
    const edited = await loadApplicationPage(f.org.slug, f.project.id, development.id, f.apps.development.id);
    expect(edited.repositories).toMatchObject({ total: 150 });
    // acme/web is not among the 150 granted repositories.
    expect(edited.application.gitWarning).toContain("acme/web is no longer granted to the Org Console GitHub App: web (");
    // A viewer cannot edit: no picker is loaded for them.
    session.userId = f.users.viewer.id;
    expect((await loadApplicationPage(f.org.slug, f.project.id, development.id, f.apps.development.id)).repositories).toBeNull();
  });
});
