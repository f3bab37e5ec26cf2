import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "@/db/client";
import { auditEvents, type Organization, organizations, projects, type User } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { planLimitMessage, resolveProjectByKey } from "@/lib/projects/resolve";
import { type Clients, openClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";

// Issue 6 (7): X-Project-Key resolution as aqua does it: a team organization of the user that has
// the key, else the user's personal organization, found or created there (once, however many
// first uses race), within the personal organization's plan.

const t = useTestDatabase();
let clients: Clients;

beforeAll(async () => {
  clients = await openClients(t.url, 20);
});
afterAll(async () => {
  await clients?.close();
});

const actor = (user: User) => ({ id: user.id, name: user.name, email: user.email });
const resolve = (user: User, key: string | null, db: Queryable = t.db) => resolveProjectByKey(db, actor(user), key);

async function personalOrgOf(user: User): Promise<Organization> {
  const [org] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
  return org;
}

async function addProject(org: Pick<Organization, "id">, key: string, createdAt?: Date) {
  const [project] = await t.db
    .insert(projects)
    .values({ orgId: org.id, name: `Project ${key}`, key, ...(createdAt ? { createdAt } : {}) })
    .returning();
  return project;
}

const projectsOf = (orgId: string) => t.db.select().from(projects).where(eq(projects.orgId, orgId)).orderBy(asc(projects.createdAt));
const creationEventsOf = (orgId: string) =>
  t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "project.create")));

/** A key no other test uses, in the case given. */
const newKey = (stem = "app") => `${stem}-${uniqueTag()}`;

describe("which project a key names", () => {
  it("a team organization of the user with the key wins over the personal organization", async () => {
    const user = await makeUser(t.db);
    const team = await makeTeamOrg(t.db, user);
    const key = newKey();
    const teamProject = await addProject(team, key);
    await addProject(await personalOrgOf(user), key);

    expect(await resolve(user, key)).toEqual({
      ok: true,
      project: { id: teamProject.id, name: teamProject.name, key },
      organization: { id: team.id, slug: team.slug, name: team.name, kind: "team" },
      created: false,
    });
  });

  it("a team organization the user is not in does not count: the project is made in the personal organization", async () => {
    const [user, stranger] = [await makeUser(t.db), await makeUser(t.db)];
    const strangersTeam = await makeTeamOrg(t.db, stranger);
    const key = newKey();
    const theirs = await addProject(strangersTeam, key);
    const personal = await personalOrgOf(user);

    const outcome = await resolve(user, key);
    expect(outcome).toMatchObject({ ok: true, created: true, organization: { id: personal.id, kind: "personal" }, project: { name: key, key } });
    expect(outcome.ok && outcome.project.id).not.toBe(theirs.id);
    expect(await projectsOf(strangersTeam.id)).toEqual([theirs]);
  });

  it("another user's personal organization with the key does not count either", async () => {
    const [user, other] = [await makeUser(t.db), await makeUser(t.db)];
    const key = newKey();
    await addProject(await personalOrgOf(other), key);
    expect(await resolve(user, key)).toMatchObject({ ok: true, created: true, organization: { id: (await personalOrgOf(user)).id } });
  });

  it.each(["viewer", "developer", "admin"] as const)("a %s of the team organization resolves to its project (resolving only reads)", async (role) => {
    const [owner, member] = [await makeUser(t.db), await makeUser(t.db)];
    const team = await makeTeamOrg(t.db, owner);
    await addMember(t.db, team, member, role);
    const key = newKey();
    const project = await addProject(team, key);
    const before = await projectsOf((await personalOrgOf(member)).id);

    expect(await resolve(member, key)).toMatchObject({ ok: true, created: false, project: { id: project.id }, organization: { id: team.id } });
    expect(await projectsOf((await personalOrgOf(member)).id)).toEqual(before);
  });

  it("with the key in several of the user's team organizations, the oldest project wins", async () => {
    const user = await makeUser(t.db);
    const [first, second, third] = [await makeTeamOrg(t.db, user), await makeTeamOrg(t.db, user), await makeTeamOrg(t.db, user)];
    const key = newKey();
    const now = Date.now();
    await addProject(first, key, new Date(now - 1000));
    const oldest = await addProject(second, key, new Date(now - 5000));
    await addProject(third, key.toUpperCase(), new Date(now - 2000));
    expect(await resolve(user, key)).toMatchObject({ ok: true, project: { id: oldest.id }, organization: { id: second.id } });
  });

  it("compares keys case-insensitively and answers with the key as stored", async () => {
    const user = await makeUser(t.db);
    const team = await makeTeamOrg(t.db, user);
    const key = newKey("Web");
    const project = await addProject(team, key);
    expect(await resolve(user, key.toUpperCase())).toMatchObject({ ok: true, project: { id: project.id, key } });
    expect(await resolve(user, key.toLowerCase())).toMatchObject({ ok: true, project: { id: project.id, key } });

    const fresh = newKey("MyApp");
    const created = await resolve(user, fresh);
    expect(created).toMatchObject({ ok: true, created: true, project: { key: fresh } });
    expect(await resolve(user, fresh.toLowerCase())).toMatchObject({ ok: true, created: false, project: { id: created.ok && created.project.id } });
  });
});

describe("finding or creating in the personal organization", () => {
  it("creates the project once, named after the key, with one audit event from the API", async () => {
    const user = await makeUser(t.db, { name: "Cli Carla" });
    const personal = await personalOrgOf(user);
    const key = newKey();

    const first = await resolve(user, `  ${key} `);
    expect(first).toMatchObject({ ok: true, created: true, project: { name: key, key }, organization: { id: personal.id, slug: personal.slug, kind: "personal" } });
    const again = await resolve(user, key);
    expect(again).toEqual({ ...first, created: false });

    const [project] = await projectsOf(personal.id);
    expect(project).toMatchObject({ name: key, key, createdBy: user.id });
    expect(await creationEventsOf(personal.id)).toEqual([
      expect.objectContaining({ actorId: user.id, targetId: project.id, targetLabel: key, origin: "api", after: { name: key, key } }),
    ]);
  });

  it("20 concurrent first uses of one new key on separate connections make one project and one audit event", async () => {
    for (let round = 0; round < 3; round++) {
      const user = await makeUser(t.db);
      const personal = await personalOrgOf(user);
      const key = newKey();
      const outcomes = await Promise.all(clients.dbs.map((db, i) => resolve(user, i % 2 ? key : key.toUpperCase(), db)));

      expect(outcomes.every((o) => o.ok)).toBe(true);
      const ids = new Set(outcomes.map((o) => o.ok && o.project.id));
      expect(ids.size).toBe(1);
      expect(outcomes.filter((o) => o.ok && o.created)).toHaveLength(1);
      expect(await projectsOf(personal.id)).toHaveLength(1);
      expect(await creationEventsOf(personal.id)).toHaveLength(1);
    }
  });

  it("refuses a new key when the personal organization's Free plan is full, and still resolves the keys it has", async () => {
    const user = await makeUser(t.db);
    const personal = await personalOrgOf(user);
    const keys = [newKey(), newKey(), newKey()];
    for (const key of keys) expect(await resolve(user, key)).toMatchObject({ ok: true, created: true });
    const before = { projects: await projectsOf(personal.id), audit: await creationEventsOf(personal.id) };

    const key = newKey();
    const refused = await resolve(user, key);
    expect(refused).toEqual({ ok: false, reason: "plan-limit", message: planLimitMessage("free", key) });
    expect(planLimitMessage("free", key)).toMatch(/^Your personal organization is on the Free plan, which allows 3 projects/);
    expect({ projects: await projectsOf(personal.id), audit: await creationEventsOf(personal.id) }).toEqual(before);

    expect(await resolve(user, keys[1].toUpperCase())).toMatchObject({ ok: true, created: false });
    // A team organization's project with the key is found whatever the personal plan says.
    const team = await makeTeamOrg(t.db, user);
    const teamProject = await addProject(team, key);
    expect(await resolve(user, key)).toMatchObject({ ok: true, project: { id: teamProject.id } });
  });

  it("racing new keys never take the personal organization past its limit", async () => {
    const user = await makeUser(t.db);
    const personal = await personalOrgOf(user);
    const outcomes = await Promise.all(clients.dbs.slice(0, 8).map((db) => resolve(user, newKey(), db)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok && o.reason === "plan-limit")).toHaveLength(5);
    expect(await projectsOf(personal.id)).toHaveLength(3);
    expect(await creationEventsOf(personal.id)).toHaveLength(3);
  });
});

describe("keys that are not keys", () => {
  it.each([
    ["nothing", null],
    ["an empty key", ""],
    ["spaces", "   "],
    ["a slash", "team/app"],
    ["a space inside", "my app"],
    ["a leading dash", "-app"],
    ["65 characters", "a".repeat(65)],
    ["a quote", "app'; drop table projects; --"],
  ])("refuses %s and writes nothing", async (_what, key) => {
    const user = await makeUser(t.db);
    const personal = await personalOrgOf(user);
    expect(await resolve(user, key)).toMatchObject({ ok: false, reason: "invalid-key", message: expect.any(String) });
    expect(await projectsOf(personal.id)).toEqual([]);
  });
});
