import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications, clusters, deploymentRules, environments, projects } from "@/db/schema";
import { projectsAuditEntries } from "@/lib/audit/entries/projects";
import { makeOrgWithEveryRole, makeTeamOrg, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject, makeRule } from "@/lib/factories/projects";
import { createEnvironmentAction, editEnvironmentAction, stopEnvironmentAction } from "@/lib/projects/actions/environments";
import { createProjectAction, deleteProjectAction } from "@/lib/projects/actions/projects";
import { addRuleAction, moveRuleAction } from "@/lib/projects/actions/rules";
import { deletingClusterMessage } from "@/lib/projects/cluster-targets";
import { keyTakenMessage } from "@/lib/projects/create";
import { environmentNameTaken } from "@/lib/projects/environments";
import { typeProjectNameMessage } from "@/lib/projects/project-changes";
import { noClusterMessage } from "@/lib/projects/placement";
import { listProjects } from "@/lib/projects/queries";
import { actOnCluster } from "./support/cluster-actions";
import { projectFixture, runAs, snapshotProjects } from "./support/project-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 6: placement through real deployment rules and the default cluster, the "no cluster"
// message, keys unique ignoring case, the plan's project limit (also under concurrency), cluster
// deletion refused while environments or rules target it, and the typed-name project deletion.

const t = useTestDatabase();

async function createEnvironment(f: Awaited<ReturnType<typeof projectFixture>>, name: string, choice: { mode?: string; clusterId?: string } = {}) {
  const result = await runAs(t.db, createEnvironmentAction, f.users.owner, f.org, { projectId: f.project.id, name, mode: choice.mode ?? "automatic", clusterId: choice.clusterId ?? "automatic" });
  const [row] = await t.db.select().from(environments).where(and(eq(environments.projectId, f.project.id), eq(environments.name, name)));
  return { result, row };
}

describe("Automatic placement", () => {
  it("the first matching rule decides cluster and mode; otherwise the default cluster and Development", async () => {
    const f = await projectFixture(t.db);
    expect(await createEnvironment(f, "prod-eu")).toMatchObject({ row: { clusterId: f.other.id, mode: "production", automaticCluster: true } });
    expect(await createEnvironment(f, "pr-7-preview")).toMatchObject({ row: { clusterId: f.main.id, mode: "preview", automaticCluster: true } });
    const onDefault = await createEnvironment(f, "qa");
    expect(onDefault.row).toMatchObject({ clusterId: f.main.id, mode: "development", automaticCluster: true });
    expect(onDefault.result).toMatchObject({ ok: true, message: "Created qa (Development) on main (the default cluster).", redirectTo: `/orgs/${f.org.slug}/projects/${f.project.id}/environments/${onDefault.row.id}` });
  });

  it("a chosen mode or cluster overrides only that half of the rule", async () => {
    const f = await projectFixture(t.db);
    expect((await createEnvironment(f, "prod-staged", { mode: "staging" })).row).toMatchObject({ clusterId: f.other.id, mode: "staging", automaticCluster: true });
    expect((await createEnvironment(f, "prod-pinned", { clusterId: f.main.id })).row).toMatchObject({ clusterId: f.main.id, mode: "production", automaticCluster: false });
  });

  it("follows the rules' order and the current default cluster", async () => {
    const f = await projectFixture(t.db);
    const catchAll = await makeCluster(t.db, f.org, { name: "catch-all" });
    expect(await runAs(t.db, addRuleAction, f.users.developer, f.org, { projectId: f.project.id, pattern: "*", clusterId: catchAll.id, mode: "staging" })).toMatchObject({ ok: true });
    expect((await createEnvironment(f, "prod-1")).row.clusterId).toBe(f.other.id);
    const [{ id: ruleId }] = await t.db.select().from(deploymentRules).where(and(eq(deploymentRules.projectId, f.project.id), eq(deploymentRules.pattern, "*")));
    for (let i = 0; i < 2; i++) expect(await runAs(t.db, moveRuleAction, f.users.owner, f.org, { projectId: f.project.id, ruleId, direction: "up" })).toMatchObject({ ok: true });
    expect((await createEnvironment(f, "prod-2")).row).toMatchObject({ clusterId: catchAll.id, mode: "staging" });

    const g = await projectFixture(t.db);
    await t.db.update(clusters).set({ isDefault: false }).where(eq(clusters.id, g.main.id));
    await t.db.update(clusters).set({ isDefault: true }).where(eq(clusters.id, g.other.id));
    expect((await createEnvironment(g, "qa")).row).toMatchObject({ clusterId: g.other.id, automaticCluster: true });
  });

  it("editing with the cluster on Automatic applies the rules to the new name", async () => {
    const f = await projectFixture(t.db);
    const { row } = await createEnvironment(f, "qa");
    const edit = (name: string) =>
      runAs(t.db, editEnvironmentAction, f.users.owner, f.org, { projectId: f.project.id, environmentId: row.id, name, mode: "development", clusterId: "automatic" });
    expect(await edit("qa")).toMatchObject({ ok: true, message: "Nothing to update: no setting changed." });
    expect(await edit("qa-preview")).toMatchObject({ ok: true, message: "Saved qa-preview." });
    expect(await edit("prod-qa")).toMatchObject({ ok: true, message: "Saved prod-qa. It now runs on other." });
    const [moved] = await t.db.select().from(environments).where(eq(environments.id, row.id));
    expect(moved).toMatchObject({ name: "prod-qa", clusterId: f.other.id, mode: "development", automaticCluster: true });
  });
});

describe("when there is nowhere to deploy", () => {
  it("an organization without clusters is told to add one, and nothing is written", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const project = await makeProject(t.db, org);
    const before = await snapshotProjects(t.db, org.id);
    const result = await runAs(t.db, createEnvironmentAction, owner, org, { projectId: project.id, name: "qa", mode: "automatic", clusterId: "automatic" });
    expect(result).toMatchObject({ ok: false, formError: noClusterMessage });
    expect(noClusterMessage).toContain("add one in Clusters");
    expect(await snapshotProjects(t.db, org.id)).toEqual(before);
  });

  it("clusters but no default and no matching rule: the same message; a matching rule still places", async () => {
    const f = await projectFixture(t.db);
    await t.db.update(clusters).set({ isDefault: false }).where(eq(clusters.orgId, f.org.id));
    expect((await createEnvironment(f, "qa")).result).toMatchObject({ ok: false, formError: noClusterMessage });
    expect((await createEnvironment(f, "prod-eu")).row).toMatchObject({ clusterId: f.other.id });
  });

  it("a cluster being deleted cannot be chosen, for an environment or a rule", async () => {
    const f = await projectFixture(t.db);
    const going = await makeCluster(t.db, f.org, { name: "going", status: "deleting" });
    expect((await createEnvironment(f, "qa", { clusterId: going.id })).result).toMatchObject({ ok: false, fieldErrors: { clusterId: deletingClusterMessage("going") } });
    expect(await runAs(t.db, addRuleAction, f.users.owner, f.org, { projectId: f.project.id, pattern: "x", clusterId: going.id, mode: "development" })).toMatchObject({
      ok: false,
      fieldErrors: { clusterId: deletingClusterMessage("going") },
    });
  });
});

describe("names and keys", () => {
  it("project keys are unique in an organization ignoring case, and free across organizations", async () => {
    const f = await projectFixture(t.db);
    expect(await runAs(t.db, createProjectAction, f.users.developer, f.org, { name: "Other shop", key: "SHOP" })).toMatchObject({ ok: false, fieldErrors: { key: keyTakenMessage("SHOP") }, values: { key: "SHOP" } });
    const elsewhere = await projectFixture(t.db);
    expect(await runAs(t.db, createProjectAction, elsewhere.users.developer, elsewhere.org, { name: "Shop again", key: "Shop2" })).toMatchObject({ ok: true });
    const g = await makeOrgWithEveryRole(t.db);
    expect(await runAs(t.db, createProjectAction, g.users.owner, g.org, { name: "Shop", key: "SHOP" })).toMatchObject({ ok: true });
  });

  it("environment names are unique in a project ignoring case", async () => {
    const f = await projectFixture(t.db);
    expect((await createEnvironment(f, "DEV")).result).toMatchObject({ ok: false, fieldErrors: { name: environmentNameTaken } });
    const edit = await runAs(t.db, editEnvironmentAction, f.users.owner, f.org, {
      projectId: f.project.id,
      environmentId: f.running.development.id,
      name: "Staging",
      mode: "development",
      clusterId: f.main.id,
    });
    expect(edit).toMatchObject({ ok: false, fieldErrors: { name: environmentNameTaken } });
  });

  it("stopping a stopped environment says so", async () => {
    const f = await projectFixture(t.db);
    const ref = { projectId: f.project.id, environmentId: f.stopped.development.id };
    expect(await runAs(t.db, stopEnvironmentAction, f.users.developer, f.org, ref)).toMatchObject({ ok: false, formError: "staging is already stopped." });
  });
});

describe("the plan's project limit", () => {
  it("a Free organization gets three projects, also when many are created at once", async () => {
    const g = await makeOrgWithEveryRole(t.db, { plan: "free" });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => runAs(t.db, createProjectAction, i % 2 ? g.users.developer : g.users.admin, g.org, { name: `P${i}`, key: `p-${i}` })),
    );
    expect(attempts.filter((r) => r.ok)).toHaveLength(3);
    for (const refused of attempts.filter((r) => !r.ok)) expect(refused).toMatchObject({ formError: "The Free plan allows 3 projects. Delete one or change plan to create another." });
    expect(await t.db.$count(projects, eq(projects.orgId, g.org.id))).toBe(3);
  });
});

describe("deleting a cluster that environments or rules still target", () => {
  it("is refused, naming up to five environments as project / environment and counting the rest", async () => {
    const f = await projectFixture(t.db);
    const blog = await makeProject(t.db, f.org, { name: "Blog" });
    for (const name of ["a", "b", "c"]) await makeEnvironment(t.db, blog, f.main, { name });
    const before = await snapshotProjects(t.db, f.org.id);
    const result = await actOnCluster(t.db, "delete", f.users.owner, f.org, { clusterId: f.main.id, confirmName: "main", successorId: f.other.id });
    expect(result).toStrictEqual({
      ok: false,
      formError:
        "main cannot be deleted: 6 environments still run on it: Blog / a, Blog / b, Blog / c, Shop / dev, Shop / prod-parked and 1 more. Delete them or move them to another cluster; deployment rules of the project Shop choose it. Edit or delete those rules.",
      values: { clusterId: f.main.id, confirmName: "main", successorId: f.other.id },
    });
    expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
  });

  it("a rule alone blocks it too; once nothing targets the cluster it is deleted", async () => {
    const f = await projectFixture(t.db);
    const spare = await makeCluster(t.db, f.org, { name: "spare" });
    const rule = await makeRule(t.db, f.project, spare, { pattern: "spare-*", position: 3 });
    expect(await actOnCluster(t.db, "delete", f.users.admin, f.org, { clusterId: spare.id, confirmName: "spare" })).toMatchObject({
      ok: false,
      formError: "spare cannot be deleted: deployment rules of the project Shop choose it. Edit or delete those rules.",
    });
    const env = await makeEnvironment(t.db, f.project, spare, { name: "solo" });
    expect(await actOnCluster(t.db, "delete", f.users.admin, f.org, { clusterId: spare.id, confirmName: "spare" })).toMatchObject({
      formError: "spare cannot be deleted: an environment still runs on it: Shop / solo. Delete it or move it to another cluster; deployment rules of the project Shop choose it. Edit or delete those rules.",
    });
    await t.db.delete(environments).where(eq(environments.id, env.id));
    await t.db.delete(deploymentRules).where(eq(deploymentRules.id, rule.id));
    expect(await actOnCluster(t.db, "delete", f.users.admin, f.org, { clusterId: spare.id, confirmName: "spare" })).toMatchObject({ ok: true });
    expect((await t.db.select().from(clusters).where(eq(clusters.id, spare.id)))[0].status).toBe("deleting");
  });

  it("retrying a failed deletion is refused the same way", async () => {
    const f = await projectFixture(t.db);
    const broken = await makeCluster(t.db, f.org, { name: "broken", status: "error", failedAction: "delete", statusReason: "timeout" });
    await makeEnvironment(t.db, f.project, broken, { name: "late" });
    expect(await actOnCluster(t.db, "retry", f.users.owner, f.org, { clusterId: broken.id })).toMatchObject({ ok: false, formError: expect.stringContaining("Shop / late") });
  });
});

describe("deleting a project", () => {
  it("needs its exact name typed, checked by the server", async () => {
    const f = await projectFixture(t.db);
    const before = await snapshotProjects(t.db, f.org.id);
    for (const confirmName of ["", "shop", "SHOP", "Sho", "Blog"]) {
      const result = await runAs(t.db, deleteProjectAction, f.users.admin, f.org, { projectId: f.project.id, confirmName });
      expect(result).toMatchObject({ ok: false, fieldErrors: { confirmName: typeProjectNameMessage("Shop") } });
    }
    const missing = await runAs(t.db, deleteProjectAction, f.users.admin, f.org, { projectId: f.project.id });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { confirmName: typeProjectNameMessage("Shop") } });
    expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
    // Surrounding spaces are trimmed, as in every other typed confirmation.
    expect(await runAs(t.db, deleteProjectAction, f.users.admin, f.org, { projectId: f.project.id, confirmName: " Shop " })).toMatchObject({ ok: true });
    expect((await snapshotProjects(t.db, f.org.id)).projects).toEqual([]);
  });

  it("takes its environments, their applications and its rules with it, and says so", async () => {
    const f = await projectFixture(t.db);
    await t.db.insert(applications).values({ orgId: f.org.id, environmentId: f.running.development.id, name: "web", gitRepository: "acme/web", branch: "main" });
    const result = await runAs(t.db, deleteProjectAction, f.users.owner, f.org, { projectId: f.project.id, confirmName: "Shop" });
    expect(result).toStrictEqual({ ok: true, message: "Deleted Shop, with 4 environments, 1 application and 2 deployment rules.", redirectTo: `/orgs/${f.org.slug}` });
    const after = await snapshotProjects(t.db, f.org.id);
    expect([after.projects, after.environments, after.rules]).toEqual([[], [], []]);
    expect(await t.db.$count(applications, eq(applications.orgId, f.org.id))).toBe(0);
    const event = after.audit.at(-1)!;
    const describe = projectsAuditEntries["project.delete"].describe;
    expect(describe({ ...event, actor: "Olivia" })).toBe("Olivia deleted the project Shop, with 4 environments and 1 application");
  });
});

describe("the projects list", () => {
  it("pages by name 25 at a time and searches name or key ignoring case", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    for (let i = 0; i < 27; i++) await makeProject(t.db, org, { name: i % 2 ? `Same name` : `Project ${String(i).padStart(2, "0")}`, key: `key-${i}` });
    const first = await listProjects(t.db, org.id);
    expect(first.projects).toHaveLength(25);
    const second = await listProjects(t.db, org.id, { after: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const all = [...first.projects, ...second.projects];
    expect(new Set(all.map((p) => p.id)).size).toBe(27);
    expect(all.map((p) => p.name.toLowerCase())).toEqual([...all.map((p) => p.name.toLowerCase())].sort());
    expect((await listProjects(t.db, org.id, { q: "KEY-2" })).projects.map((p) => p.key).sort()).toEqual(["key-2", "key-20", "key-21", "key-22", "key-23", "key-24", "key-25", "key-26"]);
    expect((await listProjects(t.db, org.id, { q: "same" })).projects).toHaveLength(13);
    expect((await listProjects(t.db, org.id, { q: "%" })).projects).toEqual([]);
  });

  it("counts each project's own environments (0, 1 and 3), not another project's", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const cluster = await makeCluster(t.db, org, { name: "main", isDefault: true });
    const empty = await makeProject(t.db, org, { name: "A empty", key: "a-empty" });
    const one = await makeProject(t.db, org, { name: "B one", key: "b-one" });
    const three = await makeProject(t.db, org, { name: "C three", key: "c-three" });
    await makeEnvironment(t.db, one, cluster);
    for (let i = 0; i < 3; i++) await makeEnvironment(t.db, three, cluster);
    const { projects: rows } = await listProjects(t.db, org.id);
    expect(rows.map((p) => [p.id, p.environments])).toEqual([[empty.id, 0], [one.id, 1], [three.id, 3]]);
  });
});
