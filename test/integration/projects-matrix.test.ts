import { beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, minimumRoleFor, type Permission, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import type { OrgActionSpec } from "@/lib/actions/define";
import {
  createEnvironmentAction,
  deleteEnvironmentAction,
  editEnvironmentAction,
  startEnvironmentAction,
  stopEnvironmentAction,
} from "@/lib/projects/actions/environments";
import { createProjectAction, deleteProjectAction, renameProjectAction } from "@/lib/projects/actions/projects";
import { addRuleAction, deleteRuleAction, editRuleAction, moveRuleAction } from "@/lib/projects/actions/rules";
import { type ModeClass } from "@/lib/projects/modes";
import { holdOrgLock } from "./support/org-lock";
import { projectFixture, type ProjectFixture, type ProjectsSnapshot, runAs, snapshotProjects } from "./support/project-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 6, "Must hold": every project, environment (both mode classes) and deployment-rule action
// × owner, admin, developer, viewer and a non-member, through the door the server actions use.
// Allowed callers change what they asked for and write one audit event; refused callers leave
// projects, environments, rules, clusters and audit events exactly as they were.

const t = useTestDatabase();
type Caller = (typeof memberRoles)[number] | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no action failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

type Case = {
  name: string;
  spec: OrgActionSpec<z.ZodType>;
  /** The permission the door must declare. */
  permission: Permission;
  /** The permission of the environment's mode, checked by the domain under the organization's lock. */
  modeNeeds?: Permission;
  /** A second permission the domain asks for (going into production). */
  domainNeeds?: Permission;
  input: (f: ProjectFixture) => Record<string, string>;
  audit: string;
  verify: (after: ProjectsSnapshot, f: ProjectFixture) => void;
};

const spec = <S extends z.ZodType>(s: OrgActionSpec<S>) => s as unknown as OrgActionSpec<z.ZodType>;
const envNamed = (s: ProjectsSnapshot, name: string) => s.environments.find((e) => e.name === name);

const modeCases = (cls: ModeClass): Case[] => [
  {
    name: `edit a ${cls} environment`,
    spec: spec(editEnvironmentAction),
    permission: "environment.edit.development",
    modeNeeds: `environment.edit.${cls}`,
    input: (f) => ({ projectId: f.project.id, environmentId: f.running[cls].id, name: "renamed", mode: cls === "production" ? "production" : "preview", clusterId: f.other.id }),
    audit: "environment.update",
    verify: (after, f) =>
      expect(after.environments.find((e) => e.id === f.running[cls].id)).toMatchObject({ name: "renamed", mode: cls === "production" ? "production" : "preview", clusterId: f.other.id, automaticCluster: false }),
  },
  {
    name: `stop a ${cls} environment`,
    spec: spec(stopEnvironmentAction),
    permission: "environment.stop.development",
    modeNeeds: `environment.stop.${cls}`,
    input: (f) => ({ projectId: f.project.id, environmentId: f.running[cls].id }),
    audit: "environment.stop",
    verify: (after, f) => expect(after.environments.find((e) => e.id === f.running[cls].id)?.status).toBe("stopped"),
  },
  {
    name: `start a ${cls} environment`,
    spec: spec(startEnvironmentAction),
    permission: "environment.stop.development",
    modeNeeds: `environment.stop.${cls}`,
    input: (f) => ({ projectId: f.project.id, environmentId: f.stopped[cls].id }),
    audit: "environment.start",
    verify: (after, f) => expect(after.environments.find((e) => e.id === f.stopped[cls].id)?.status).toBe("running"),
  },
  {
    name: `delete a ${cls} environment`,
    spec: spec(deleteEnvironmentAction),
    permission: "environment.delete.development",
    modeNeeds: `environment.delete.${cls}`,
    input: (f) => ({ projectId: f.project.id, environmentId: f.running[cls].id }),
    audit: "environment.delete",
    verify: (after, f) => expect(after.environments.find((e) => e.id === f.running[cls].id)).toBeUndefined(),
  },
];

const cases: Case[] = [
  {
    name: "create a project",
    spec: spec(createProjectAction),
    permission: "project.create",
    input: () => ({ name: "Blog", key: "blog" }),
    audit: "project.create",
    verify: (after) => expect(after.projects.find((p) => p.key === "blog")).toMatchObject({ name: "Blog" }),
  },
  {
    name: "rename a project",
    spec: spec(renameProjectAction),
    permission: "project.edit",
    input: (f) => ({ projectId: f.project.id, name: "Shop 2" }),
    audit: "project.rename",
    verify: (after, f) => expect(after.projects.find((p) => p.id === f.project.id)?.name).toBe("Shop 2"),
  },
  {
    name: "delete a project",
    spec: spec(deleteProjectAction),
    permission: "project.delete",
    input: (f) => ({ projectId: f.project.id, confirmName: "Shop" }),
    audit: "project.delete",
    verify: (after) => expect([after.projects, after.environments, after.rules]).toEqual([[], [], []]),
  },
  {
    name: "create a development environment on Automatic",
    spec: spec(createEnvironmentAction),
    permission: "environment.edit.development",
    input: (f) => ({ projectId: f.project.id, name: "qa", mode: "automatic", clusterId: "automatic" }),
    audit: "environment.create",
    verify: (after, f) => expect(envNamed(after, "qa")).toMatchObject({ mode: "development", clusterId: f.main.id, automaticCluster: true, status: "running" }),
  },
  {
    name: "create a production environment on a chosen cluster",
    spec: spec(createEnvironmentAction),
    permission: "environment.edit.development",
    domainNeeds: "environment.edit.production",
    input: (f) => ({ projectId: f.project.id, name: "live", mode: "production", clusterId: f.other.id }),
    audit: "environment.create",
    verify: (after, f) => expect(envNamed(after, "live")).toMatchObject({ mode: "production", clusterId: f.other.id, automaticCluster: false }),
  },
  {
    name: "create an environment a rule makes production",
    spec: spec(createEnvironmentAction),
    permission: "environment.edit.development",
    domainNeeds: "environment.edit.production",
    input: (f) => ({ projectId: f.project.id, name: "prod-eu", mode: "automatic", clusterId: "automatic" }),
    audit: "environment.create",
    verify: (after, f) => expect(envNamed(after, "prod-eu")).toMatchObject({ mode: "production", clusterId: f.other.id, automaticCluster: true }),
  },
  ...modeCases("production"),
  ...modeCases("development"),
  {
    name: "make a development environment production",
    spec: spec(editEnvironmentAction),
    permission: "environment.edit.development",
    domainNeeds: "environment.edit.production",
    input: (f) => ({ projectId: f.project.id, environmentId: f.running.development.id, name: "dev", mode: "production", clusterId: f.main.id }),
    audit: "environment.update",
    verify: (after, f) => expect(after.environments.find((e) => e.id === f.running.development.id)?.mode).toBe("production"),
  },
  {
    name: "add a deployment rule",
    spec: spec(addRuleAction),
    permission: "project.edit",
    input: (f) => ({ projectId: f.project.id, pattern: "qa-*", clusterId: f.other.id, mode: "staging" }),
    audit: "deployment_rule.create",
    verify: (after, f) => expect(after.rules.find((r) => r.pattern === "qa-*")).toMatchObject({ position: 3, clusterId: f.other.id, mode: "staging" }),
  },
  {
    name: "edit a deployment rule",
    spec: spec(editRuleAction),
    permission: "project.edit",
    input: (f) => ({ projectId: f.project.id, ruleId: f.rules[0].id, pattern: "live-*", clusterId: f.main.id, mode: "production" }),
    audit: "deployment_rule.update",
    verify: (after, f) => expect(after.rules.find((r) => r.id === f.rules[0].id)).toMatchObject({ pattern: "live-*", clusterId: f.main.id, position: 1 }),
  },
  {
    name: "move a deployment rule up",
    spec: spec(moveRuleAction),
    permission: "project.edit",
    input: (f) => ({ projectId: f.project.id, ruleId: f.rules[1].id, direction: "up" }),
    audit: "deployment_rule.move",
    verify: (after, f) => expect(after.rules.map((r) => [r.id, r.position])).toEqual(expect.arrayContaining([[f.rules[1].id, 1], [f.rules[0].id, 2]])),
  },
  {
    name: "delete a deployment rule",
    spec: spec(deleteRuleAction),
    permission: "project.edit",
    input: (f) => ({ projectId: f.project.id, ruleId: f.rules[0].id }),
    audit: "deployment_rule.delete",
    verify: (after, f) => expect(after.rules.map((r) => [r.id, r.position])).toEqual([[f.rules[1].id, 1]]),
  },
];

describe.each(cases)("$name", (c) => {
  it(`is declared with ${c.permission}`, () => {
    expect(c.spec.permission).toBe(c.permission);
  });

  it.each(callers)("as %s", async (caller) => {
    const f = await projectFixture(t.db);
    const user = f.users[caller];
    const before = await snapshotProjects(t.db, f.org.id);
    const result = await runAs(t.db, c.spec, user, f.org, c.input(f));

    if (caller === "outsider" || !roleHasPermission(caller, c.permission)) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(c.permission)]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
      return;
    }
    if (c.modeNeeds && !roleHasPermission(caller, c.modeNeeds)) {
      // The door let the caller in; the domain refuses in the door's words, under the lock.
      expect(result).toMatchObject({ ok: false, formError: messages.forbidden(roleLabels[minimumRoleFor(c.modeNeeds)]) });
      expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
      return;
    }
    if (c.domainNeeds && !roleHasPermission(caller, c.domainNeeds)) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { mode: expect.stringMatching(new RegExp(`you need the ${roleLabels[minimumRoleFor(c.domainNeeds)]} role`, "i")) } });
      expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, message: expect.any(String) });
    const after = await snapshotProjects(t.db, f.org.id);
    c.verify(after, f);
    expect(after.clusters).toEqual(before.clusters);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ orgId: f.org.id, actorId: user.id, action: c.audit, origin: "ui" });
  });
});

describe("the domain checks the permission of the environment's mode as it is, under the lock", () => {
  const adminOnly = { ok: false, formError: messages.forbidden("Admin") };

  it("a developer's edit, stop and delete of a production environment pass the door and change nothing", async () => {
    const f = await projectFixture(t.db);
    const before = await snapshotProjects(t.db, f.org.id);
    const ref = { projectId: f.project.id, environmentId: f.running.production.id };
    expect(await runAs(t.db, deleteEnvironmentAction, f.users.developer, f.org, ref)).toMatchObject(adminOnly);
    expect(await runAs(t.db, stopEnvironmentAction, f.users.developer, f.org, ref)).toMatchObject(adminOnly);
    expect(await runAs(t.db, editEnvironmentAction, f.users.developer, f.org, { ...ref, name: "x", mode: "staging", clusterId: "automatic" })).toMatchObject(adminOnly);
    expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
  });

  it("a development environment made production after the page rendered refuses the developer's submit", async () => {
    const f = await projectFixture(t.db);
    const ref = { projectId: f.project.id, environmentId: f.running.development.id };
    // The developer's page showed Development; an admin makes it Production before the submit.
    const promote = { ...ref, name: "dev", mode: "production", clusterId: f.main.id };
    expect(await runAs(t.db, editEnvironmentAction, f.users.admin, f.org, promote)).toMatchObject({ ok: true });
    const before = await snapshotProjects(t.db, f.org.id);
    expect(await runAs(t.db, stopEnvironmentAction, f.users.developer, f.org, ref)).toMatchObject(adminOnly);
    expect(await runAs(t.db, deleteEnvironmentAction, f.users.developer, f.org, ref)).toMatchObject(adminOnly);
    expect(await snapshotProjects(t.db, f.org.id)).toEqual(before);
  });

  it("a mode change committed while the developer's delete waits for the lock is seen by it", async () => {
    const f = await projectFixture(t.db);
    const ref = { projectId: f.project.id, environmentId: f.running.development.id };
    const lock = await holdOrgLock(t.url, f.org.id);
    try {
      await lock.sql`update environments set mode = 'production' where id = ${ref.environmentId}`;
      const removal = runAs(t.db, deleteEnvironmentAction, f.users.developer, f.org, ref);
      await lock.waitForWaiters(1);
      await lock.release();
      expect(await removal).toMatchObject(adminOnly);
    } finally {
      await lock.release().catch(() => {});
    }
    const after = await snapshotProjects(t.db, f.org.id);
    expect(after.environments.find((e) => e.id === ref.environmentId)).toMatchObject({ mode: "production", status: "running" });
    expect(after.audit.filter((e) => e.action === "environment.delete")).toEqual([]);
  });

  it("an owner acts in either mode with the same action", async () => {
    const f = await projectFixture(t.db);
    for (const environment of [f.running.production, f.running.development]) {
      expect(await runAs(t.db, stopEnvironmentAction, f.users.owner, f.org, { projectId: f.project.id, environmentId: environment.id })).toMatchObject({ ok: true });
    }
  });
});

describe("ids of another organization are never found", () => {
  it("its project, environment, rule and cluster, as the owner of this one", async () => {
    const here = await projectFixture(t.db);
    const there = await projectFixture(t.db);
    const owner = here.users.owner;
    const [beforeHere, beforeThere] = await Promise.all([snapshotProjects(t.db, here.org.id), snapshotProjects(t.db, there.org.id)]);
    const theirs = { projectId: there.project.id, environmentId: there.running.development.id };
    const mixed = { projectId: here.project.id, environmentId: there.running.development.id };
    const attempts: [OrgActionSpec<z.ZodType>, Record<string, string>][] = [
      [spec(renameProjectAction), { projectId: there.project.id, name: "Taken over" }],
      [spec(deleteProjectAction), { projectId: there.project.id, confirmName: "Shop" }],
      [spec(createEnvironmentAction), { projectId: there.project.id, name: "qa", mode: "development", clusterId: "automatic" }],
      [spec(createEnvironmentAction), { projectId: here.project.id, name: "qa", mode: "development", clusterId: there.main.id }],
      [spec(editEnvironmentAction), { ...mixed, name: "x", mode: "development", clusterId: "automatic" }],
      [spec(editEnvironmentAction), { projectId: here.project.id, environmentId: here.running.development.id, name: "dev", mode: "development", clusterId: there.other.id }],
      [spec(stopEnvironmentAction), theirs],
      [spec(stopEnvironmentAction), mixed],
      [spec(deleteEnvironmentAction), theirs],
      [spec(deleteEnvironmentAction), mixed],
      [spec(addRuleAction), { projectId: here.project.id, pattern: "x-*", clusterId: there.main.id, mode: "development" }],
      [spec(addRuleAction), { projectId: there.project.id, pattern: "x-*", clusterId: here.main.id, mode: "development" }],
      [spec(editRuleAction), { projectId: here.project.id, ruleId: there.rules[0].id, pattern: "y-*", clusterId: here.main.id, mode: "development" }],
      [spec(editRuleAction), { projectId: here.project.id, ruleId: here.rules[0].id, pattern: "y-*", clusterId: there.main.id, mode: "development" }],
      [spec(moveRuleAction), { projectId: here.project.id, ruleId: there.rules[1].id, direction: "up" }],
      [spec(deleteRuleAction), { projectId: there.project.id, ruleId: there.rules[0].id }],
      [spec(renameProjectAction), { projectId: "not-an-id", name: "x" }],
    ];
    for (const [action, input] of attempts) {
      const result = await runAs(t.db, action, owner, here.org, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false });
      const errors = result.ok ? {} : { ...result.fieldErrors, form: result.formError };
      expect(Object.values(errors).join(" "), JSON.stringify(input)).toMatch(/does not exist|Choose a cluster of this organization/);
    }
    expect(await snapshotProjects(t.db, here.org.id)).toEqual(beforeHere);
    expect(await snapshotProjects(t.db, there.org.id)).toEqual(beforeThere);
  });

  it("a signed-out caller is refused before anything", async () => {
    const f = await projectFixture(t.db);
    expect(await runAs(t.db, createProjectAction, null, f.org, { name: "x", key: "x" })).toStrictEqual({ ok: false, formError: messages.signedOut });
  });
});
