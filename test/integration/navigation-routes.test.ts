import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, User } from "@/db/schema";

// Issue 12: the navbar's two list endpoints, through the handlers the routes run. The ⌘K palette's
// projects come from the organization in the URL, for its members only; the switcher's list; and
// neither answers a malformed search with a 500.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } = await import("@/lib/factories");
const { makeProject } = await import("@/lib/factories/projects");
const { GET: searchProjects } = await import("@/app/api/orgs/[slug]/projects/route");
const { GET: listOrganizations } = await import("@/app/api/organizations/route");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

function projectsAs(user: User | null, slug: string, query = "") {
  session.userId = user?.id ?? null;
  const url = `http://console.test/api/orgs/${encodeURIComponent(slug)}/projects${query}`;
  return searchProjects(new Request(url), { params: Promise.resolve({ slug }) });
}

async function orgWithProjects() {
  const f = await makeOrgWithEveryRole(t.db);
  const tag = uniqueTag();
  const made = [];
  for (let n = 1; n <= 12; n++) made.push(await makeProject(t.db, f.org, { name: `Comet ${tag} ${String(n).padStart(2, "0")}`, key: `comet-${tag}-${n}` }));
  const apollo = await makeProject(t.db, f.org, { name: `Apollo ${tag}`, key: `apollo-${tag}` });
  return { ...f, tag, made, apollo };
}

describe("GET /api/orgs/[slug]/projects (the palette's projects)", () => {
  it("gives every member the organization's projects matching q, ten at most, with their links", async () => {
    const f = await orgWithProjects();
    for (const role of ["owner", "admin", "developer", "viewer"] as const) {
      const response = await projectsAs(f.users[role], f.org.slug, `?q=${encodeURIComponent(`apollo ${f.tag}`)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.json()).toEqual({
        projects: [{ id: f.apollo.id, name: f.apollo.name, key: f.apollo.key, href: `/orgs/${f.org.slug}/projects/${f.apollo.id}` }],
        more: false,
      });
    }
    const all = await (await projectsAs(f.users.viewer, f.org.slug)).json();
    expect(all.projects).toHaveLength(10);
    expect(all.more).toBe(true);
  });

  it("never lists another organization's projects, whatever the caller's own memberships", async () => {
    const f = await orgWithProjects();
    const elsewhere = await makeTeamOrg(t.db, f.users.admin);
    await makeProject(t.db, elsewhere, { name: `Comet ${f.tag} elsewhere` });
    const body = await (await projectsAs(f.users.admin, f.org.slug, `?q=${encodeURIComponent(`Comet ${f.tag}`)}`)).json();
    expect(body.projects.map((p: { name: string }) => p.name)).not.toContain(`Comet ${f.tag} elsewhere`);
    const theirs = await (await projectsAs(f.users.admin, elsewhere.slug, `?q=${encodeURIComponent(f.tag)}`)).json();
    expect(theirs.projects.map((p: { name: string }) => p.name)).toEqual([`Comet ${f.tag} elsewhere`]);
  });

  it("answers 404 to a non-member, as for a missing organization, and 401 when signed out", async () => {
    const f = await orgWithProjects();
    const outsider = await projectsAs(f.users.outsider, f.org.slug);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).not.toContain(f.org.name);
    expect((await projectsAs(f.users.outsider, `missing-${f.tag}`)).status).toBe(404);
    expect((await projectsAs(null, f.org.slug)).status).toBe(401);
  });

  it("answers 400 to a search PostgreSQL could not take, and 404 to a slug no organization can have", async () => {
    const f = await orgWithProjects();
    for (const query of ["?q=%00", "?q=a%00b", "?q=%1F", `?q=${"x".repeat(101)}`]) {
      const response = await projectsAs(f.users.owner, f.org.slug, query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: "bad_query" });
    }
    // Odd but harmless searches are searches.
    for (const query of ["?q=%25", "?q=_", "?q=%5C", "?q=%F0%9F%9A%80", "?q=%FF", "?q=' or 1=1 --"]) {
      expect((await projectsAs(f.users.owner, f.org.slug, query)).status, query).toBe(200);
    }
    for (const slug of [`${f.org.slug}\u0000`, "Upper-Case", "with space", "x".repeat(101)]) {
      expect((await projectsAs(f.users.owner, slug)).status, JSON.stringify(slug)).toBe(404);
    }
  });
});

describe("GET /api/organizations (the switcher's list)", () => {
  async function listAs(user: User | null, query: string) {
    session.userId = user?.id ?? null;
    return listOrganizations(new Request(`http://console.test/api/organizations${query}`));
  }

  it("finds the personal organization by the word personal", async () => {
    const user = await makeUser(t.db, { name: `Pat ${uniqueTag()}` });
    const team: Organization = await makeTeamOrg(t.db, user);
    const body = await (await listAs(user, "?q=Personal")).json();
    expect(body.organizations).toEqual([expect.objectContaining({ kind: "personal", name: user.name })]);
    expect(body.organizations).not.toContainEqual(expect.objectContaining({ slug: team.slug }));
  });

  it("answers 400, not 500, to a NUL in the search, and 401 when signed out", async () => {
    const user = await makeUser(t.db);
    expect((await listAs(user, "?q=%00")).status).toBe(400);
    expect((await listAs(user, "?q=")).status).toBe(200);
    expect((await listAs(null, "?q=")).status).toBe(401);
  });
});
