import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, User } from "@/db/schema";

// The transfer page's loader through its real door (the session is the one thing faked): who gets
// the page, the project scoped by the URL's organization, the destinations offered (bounded), and
// the preview for ?to=.

const { session } = await import("./support/fake-session");
vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { makeProjectTree } = await import("@/lib/factories/transfer");
const { destinationLimit, loadProjectTransferPage } = await import("@/lib/pages/project-transfer-page");
const { transferMessages } = await import("@/lib/projects/transfer");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };

beforeAll(() => {
  // The app's one database handle (getDb) is this file's database.
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

function loadAs(user: Pick<User, "id">, org: Pick<Organization, "slug">, projectId: string, search: { to?: string; q?: string } = {}) {
  session.userId = user.id;
  return loadProjectTransferPage(org.slug, projectId, search);
}

/** Thrown by notFound(): Next's digest says which. */
async function nextError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
  throw new Error("expected the loader to throw");
}

async function setup() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const cluster = await makeCluster(t.db, org, { isDefault: true });
  const { project } = await makeProjectTree(t.db, org, cluster.id, { name: "Shop" });
  return { org, users, project };
}

describe("the transfer page", () => {
  it.each(["owner", "admin"] as const)("opens for the %s", async (role) => {
    const { org, users, project } = await setup();
    const access = await loadAs(users[role], org, project.id);
    expect(access).toMatchObject({ ok: true, page: { project: { id: project.id, name: "Shop" }, chosen: null, preview: null } });
  });

  it.each(["developer", "viewer"] as const)("tells the %s the role it takes", async (role) => {
    const { org, users, project } = await setup();
    expect(await loadAs(users[role], org, project.id)).toMatchObject({ ok: false, denial: { requiredRole: "Admin" } });
  });

  it("is a 404 for a non-member, another organization's project and a malformed id", async () => {
    const { org, users, project } = await setup();
    expect(await nextError(() => loadAs(users.outsider, org, project.id))).toContain("404");
    const other = await setup();
    expect(await nextError(() => loadAs(users.admin, org, other.project.id))).toContain("404");
    expect(await nextError(() => loadAs(users.admin, org, "not-an-id"))).toContain("404");
  });

  it("offers the caller's other organizations where they create projects, by name, and previews the chosen one", async () => {
    const { org, users, project } = await setup();
    const tag = uniqueTag();
    const names = [`B dest ${tag}`, `A dest ${tag}`, `C viewer ${tag}`];
    const orgs = await Promise.all(names.map((name) => makeTeamOrg(t.db, users.owner, { name })));
    await addMember(t.db, orgs[0], users.admin, "developer");
    await addMember(t.db, orgs[1], users.admin, "admin");
    await addMember(t.db, orgs[2], users.admin, "viewer");
    const access = await loadAs(users.admin, org, project.id, { to: orgs[1].slug });
    if (!access.ok) throw new Error("expected the page");
    const offered = access.page.destinations.map((d) => d.name);
    // The caller's personal organization, then the two where they create projects; not the source, not as viewer.
    expect(offered.filter((name) => name.endsWith(tag))).toEqual([`A dest ${tag}`, `B dest ${tag}`]);
    expect(offered).toHaveLength(3);
    expect(access.page.destinations.find((d) => d.personal)).toMatchObject({ roleLabel: "Owner" });
    expect(access.page.moreDestinations).toBe(false);
    expect(access.page.preview).toMatchObject({ ok: true, plan: { destination: { slug: orgs[1].slug }, blockers: [expect.objectContaining({ kind: "no-cluster" })] } });

    const refused = await loadAs(users.admin, org, project.id, { to: orgs[2].slug });
    expect(refused).toMatchObject({ ok: true, page: { preview: { ok: false, message: transferMessages.roleTooLow("Viewer", orgs[2].name) } } });
  });

  it("lists at most the first destinations by name, and searches the rest", async () => {
    const owner = await makeUser(t.db);
    const source = await makeTeamOrg(t.db, owner);
    const cluster = await makeCluster(t.db, source, { isDefault: true });
    const { project } = await makeProjectTree(t.db, source, cluster.id, { environments: [] });
    const tag = uniqueTag();
    await Promise.all(Array.from({ length: destinationLimit + 5 }, (_, i) => makeTeamOrg(t.db, owner, { name: `Many ${String(i).padStart(3, "0")} ${tag}` })));
    const access = await loadAs(owner, source, project.id);
    if (!access.ok) throw new Error("expected the page");
    expect(access.page.destinations).toHaveLength(destinationLimit);
    expect(access.page.moreDestinations).toBe(true);
    const found = await loadAs(owner, source, project.id, { q: `Many 054 ${tag}` });
    if (!found.ok) throw new Error("expected the page");
    expect(found.page.destinations.map((d) => d.name)).toEqual([`Many 054 ${tag}`]);
    expect(found.page.moreDestinations).toBe(false);
  });
});
