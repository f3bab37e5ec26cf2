import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { environments } from "@/db/schema";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeApplication, makeDatabase, makeResourceEnvironment } from "@/lib/factories/resources";
import type { ModeClass } from "@/lib/projects/modes";
import { resourceLabels } from "@/lib/projects/resource-kinds";
import { unknownEnvironment } from "@/lib/projects/resource-scope";
import { holdOrgLock } from "./support/org-lock";
import { staleAccess } from "@/lib/authz/org-transaction";
import {
  actOnResource,
  formFor,
  permissionFor,
  type Resource,
  resourceActions,
  resourceFixture,
  type ResourceFixture,
  snapshotResources,
  type Verb,
} from "./support/resource-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 6, "Must hold": application.{edit,delete} and database.{edit,delete} in both mode classes
// (adding one is an edit) × every role × a non-member, through the door the server actions go
// through. One action per verb: the door checks the development permission, the domain the one of
// the environment's mode under the organization's lock, refusing in the door's words. Allowed
// callers change exactly what they asked for with one audit event; refused callers leave
// applications, databases, environments and the audit log as they were. Ids are only ever found
// in the URL's organization.

const t = useTestDatabase();

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const resources: Resource[] = ["application", "database"];
const verbs: Verb[] = ["create", "update", "delete"];
const classes: ModeClass[] = ["production", "development"];

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no action failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

const { nameTaken: applicationNameTaken, unknown: unknownApplication } = resourceLabels.application;
const { nameTaken: databaseNameTaken, unknown: unknownDatabase } = resourceLabels.database;

const cases = resources.flatMap((resource) => verbs.flatMap((verb) => classes.map((modeClass) => ({ resource, verb, modeClass }))));

describe("each action is one, declared with the weaker (development) permission", () => {
  it.each(cases.filter((c) => c.modeClass === "development"))("$resource $verb", ({ resource, verb }) => {
    expect(resourceActions[resource][verb].permission).toBe(permissionFor(resource, verb, "development"));
    // Weaker: every role allowed in production is allowed in development.
    const production = permissionFor(resource, verb, "production");
    for (const role of memberRoles) if (roleHasPermission(role, production)) expect(roleHasPermission(role, permissionFor(resource, verb, "development"))).toBe(true);
  });
});

function rowsOf(snapshot: Awaited<ReturnType<typeof snapshotResources>>, resource: Resource) {
  return resource === "application" ? snapshot.applications : snapshot.databases;
}

function targetOf(f: ResourceFixture, resource: Resource, modeClass: ModeClass) {
  return resource === "application" ? f.apps[modeClass] : f.dbs[modeClass];
}

describe.each(cases)("$resource $verb in a $modeClass environment", ({ resource, verb, modeClass }) => {
  const permission = permissionFor(resource, verb, modeClass);
  const door = permissionFor(resource, verb, "development");

  it.each(callers)("as %s", async (caller) => {
    const f = await resourceFixture(t.db);
    const user = f.users[caller];
    const before = await snapshotResources(t.db, f.org.id);
    const result = await actOnResource(t.db, resource, verb, user, f.org, formFor(f, resource, verb, modeClass));

    if (caller === "outsider" || !roleHasPermission(caller, permission)) {
      // Refused at the door (non-members, and roles without even the development permission), or
      // by the domain under the lock (the production permission), in the same words.
      const atDoor = caller === "outsider" || !roleHasPermission(caller, door);
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(atDoor ? door : permission)]);
      expect(result).toMatchObject({ ok: false, formError });
      expect(result.ok === false && result.fieldErrors).toBeFalsy();
      expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await snapshotResources(t.db, f.org.id);
    const environment = f.environments[modeClass];
    const target = targetOf(f, resource, modeClass);
    const rowsBefore = rowsOf(before, resource);
    const rowsAfter = rowsOf(after, resource);
    const changed =
      verb === "create" ? rowsAfter.find((row) => row.name === "added") : verb === "update" ? rowsAfter.find((row) => row.id === target.id) : undefined;

    if (verb === "create") {
      expect(changed).toMatchObject(
        resource === "application"
          ? { orgId: f.org.id, environmentId: environment.id, gitRepository: "acme/added", branch: "main" }
          : { orgId: f.org.id, environmentId: environment.id, type: "mysql", version: "8.4" },
      );
      expect(rowsAfter).toHaveLength(rowsBefore.length + 1);
    } else if (verb === "update") {
      expect(changed).toMatchObject(
        resource === "application" ? { name: "renamed", gitRepository: "acme/renamed", branch: "release/1.0" } : { name: "renamed", type: "postgresql", version: "17" },
      );
    } else {
      expect(rowsAfter.find((row) => row.id === target.id)).toBeUndefined();
    }

    // Everything else is as it was: the other rows of this kind, the other kind, the environments.
    const untouched = (rows: typeof rowsAfter) => rows.filter((row) => row.id !== target.id && row.name !== "added");
    expect(untouched(rowsAfter)).toEqual(untouched(rowsBefore));
    expect(rowsOf(after, resource === "application" ? "database" : "application")).toEqual(rowsOf(before, resource === "application" ? "database" : "application"));
    expect(after.environments).toEqual(before.environments);

    // One audit event, by this caller, naming the resource and where it is.
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({
      orgId: f.org.id,
      actorId: user.id,
      action: `${resource}.${verb}`,
      origin: "ui",
      targetType: resource,
      targetId: changed?.id ?? target.id,
    });
    const place = { environment: environment.name, project: f.project.name };
    expect(verb === "delete" ? after.audit.at(-1)?.before : after.audit.at(-1)?.after).toMatchObject(place);
  });
});

describe("the domain checks the permission of the environment's mode, under the lock", () => {
  const adminOnly = { ok: false, formError: messages.forbidden("Admin") };
  const promote = (f: ResourceFixture) => t.db.update(environments).set({ mode: "production" }).where(eq(environments.id, f.environments.development.id));

  it.each(resources.flatMap((resource) => verbs.map((verb) => ({ resource, verb }))))(
    "a developer's $resource $verb in a production environment passes the door and is refused by the domain",
    async ({ resource, verb }) => {
      const f = await resourceFixture(t.db);
      expect(roleHasPermission("developer", resourceActions[resource][verb].permission)).toBe(true);
      const before = await snapshotResources(t.db, f.org.id);
      const result = await actOnResource(t.db, resource, verb, f.users.developer, f.org, formFor(f, resource, verb, "production"));
      expect(result).toMatchObject(adminOnly);
      expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
    },
  );

  it.each(resources.flatMap((resource) => verbs.map((verb) => ({ resource, verb }))))(
    "a developer's $resource $verb sent after the environment became production is refused",
    async ({ resource, verb }) => {
      const f = await resourceFixture(t.db);
      // The page rendered a development environment; it becomes production before the submit.
      const form = formFor(f, resource, verb, "development");
      await promote(f);
      const before = await snapshotResources(t.db, f.org.id);
      expect(await actOnResource(t.db, resource, verb, f.users.developer, f.org, form)).toMatchObject(adminOnly);
      expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
    },
  );

  it.each(resources)("a %s delete waiting for the lock sees the mode change committed meanwhile", async (resource) => {
    const f = await resourceFixture(t.db);
    const form = formFor(f, resource, "delete", "development");
    const lock = await holdOrgLock(t.url, f.org.id);
    let result;
    try {
      await lock.sql`update environments set mode = 'production' where id = ${f.environments.development.id}`;
      const pending = actOnResource(t.db, resource, "delete", f.users.developer, f.org, form);
      await lock.waitForWaiters(1);
      await lock.release();
      result = await pending;
    } finally {
      await lock.release().catch(() => {});
    }
    expect(result).toMatchObject(adminOnly);
    const after = await snapshotResources(t.db, f.org.id);
    expect(rowsOf(after, resource).find((row) => row.id === targetOf(f, resource, "development").id)).toBeDefined();
    expect(after.audit.filter((event) => event.action === `${resource}.delete`)).toEqual([]);
  });

  it.each(resources)("an admin's one %s action works in both modes", async (resource) => {
    const f = await resourceFixture(t.db);
    for (const modeClass of classes) {
      expect(await actOnResource(t.db, resource, "update", f.users.admin, f.org, formFor(f, resource, "update", modeClass))).toMatchObject({ ok: true });
    }
  });

  it("a staging environment takes the development actions", async () => {
    const f = await resourceFixture(t.db);
    const scope = { projectId: f.project.id, environmentId: f.neighbour.id };
    const result = await actOnResource(t.db, "application", "update", f.users.developer, f.org, {
      ...scope,
      applicationId: f.apps.neighbour.id,
      name: "worker",
      gitRepository: "acme/worker",
      branch: "staging",
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("a caller whose role dropped after the door is refused under the organization's lock", async () => {
    const f = await resourceFixture(t.db);
    const { contextOf } = await import("./support/member-actions");
    const { createResource } = await import("@/lib/projects/resource-writes");
    const ctx = await contextOf(t.db, f.users.developer, f.org, "database.edit.development");
    const { memberships } = await import("@/db/schema");
    const { and, eq } = await import("drizzle-orm");
    await t.db.update(memberships).set({ role: "viewer" }).where(and(eq(memberships.orgId, f.org.id), eq(memberships.userId, f.users.developer.id)));
    const before = await snapshotResources(t.db, f.org.id);
    const scope = { projectId: f.project.id, environmentId: f.environments.development.id };
    const result = await createResource(t.db, ctx, "database", scope, { name: "late", type: "redis", version: "7.4" });
    expect(result).toStrictEqual({ ok: false, formError: staleAccess });
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
  });
});

describe("ids from another organization or another environment are never found", () => {
  async function twoOrgs() {
    const mine = await resourceFixture(t.db);
    const theirs = await resourceFixture(t.db);
    return { mine, theirs };
  }

  it.each(resources.flatMap((resource) => verbs.map((verb) => ({ resource, verb }))))("$resource $verb", async ({ resource, verb }) => {
    const { mine, theirs } = await twoOrgs();
    const unknownRow = resource === "application" ? unknownApplication : unknownDatabase;
    const idField = resource === "application" ? "applicationId" : "databaseId";
    const theirForm = formFor(theirs, resource, verb, "development");
    const myForm = formFor(mine, resource, verb, "development");
    const attempts: { input: Record<string, string>; formError: string }[] = [
      // Their environment (with their project), through my organization's URL.
      { input: theirForm, formError: unknownEnvironment },
      // My environment under another project's id.
      { input: { ...myForm, projectId: theirs.project.id }, formError: unknownEnvironment },
      // Not ids at all.
      { input: { ...myForm, environmentId: "not-an-id" }, formError: unknownEnvironment },
    ];
    if (verb !== "create") {
      const neighbour = resource === "application" ? mine.apps.neighbour : mine.dbs.neighbour;
      attempts.push(
        // Their row, in my environment.
        { input: { ...myForm, [idField]: theirForm[idField] }, formError: unknownRow },
        // My row of another environment, through this one.
        { input: { ...myForm, [idField]: neighbour.id }, formError: unknownRow },
        { input: { ...myForm, [idField]: "42" }, formError: unknownRow },
      );
    }
    const before = { mine: await snapshotResources(t.db, mine.org.id), theirs: await snapshotResources(t.db, theirs.org.id) };
    for (const { input, formError } of attempts) {
      const result = await actOnResource(t.db, resource, verb, mine.users.admin, mine.org, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, formError });
    }
    expect(await snapshotResources(t.db, mine.org.id)).toEqual(before.mine);
    expect(await snapshotResources(t.db, theirs.org.id)).toEqual(before.theirs);
  });
});

describe("names are unique per environment", () => {
  it.each(resources)("a %s name taken in the environment (in any case) is a field error; elsewhere it is free", async (resource) => {
    const f = await resourceFixture(t.db);
    const taken = resource === "application" ? "WEB" : "Orders";
    const message = resource === "application" ? applicationNameTaken : databaseNameTaken;
    const before = await snapshotResources(t.db, f.org.id);
    const create = await actOnResource(t.db, resource, "create", f.users.developer, f.org, { ...formFor(f, resource, "create", "development"), name: taken });
    expect(create).toMatchObject({ ok: false, fieldErrors: { name: message }, values: { name: taken } });
    const neighbour = resource === "application" ? f.apps.neighbour : f.dbs.neighbour;
    const scope = { projectId: f.project.id, environmentId: f.environments.development.id };
    const input =
      resource === "application"
        ? { ...scope, applicationId: f.apps.development.id, name: "worker", gitRepository: "acme/web", branch: "develop" }
        : { ...scope, databaseId: f.dbs.development.id, name: "cache", type: "postgresql", version: "16" };
    // The neighbour's name is free here (another environment)…
    expect(neighbour.name).toBe(input.name);
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
    expect(await actOnResource(t.db, resource, "update", f.users.developer, f.org, input)).toMatchObject({ ok: true });
    // …and a rename onto a name this environment has is refused.
    const onto = { ...formFor(f, resource, "create", "development"), name: "second" };
    expect(await actOnResource(t.db, resource, "create", f.users.developer, f.org, onto)).toMatchObject({ ok: true });
    const rename = await actOnResource(t.db, resource, "update", f.users.developer, f.org, { ...input, name: "Second" });
    expect(rename).toMatchObject({ ok: false, fieldErrors: { name: message } });
  });

  it.each(resources)("concurrent adds of one %s name leave exactly one (8 connections, 3 rounds)", async (resource) => {
    const { openClients } = await import("./support/clients");
    const f = await resourceFixture(t.db);
    const clients = await openClients(t.url, 8);
    try {
      for (let round = 0; round < 3; round++) {
        const form = { ...formFor(f, resource, "create", "development"), name: `race-${round}` };
        const results = await Promise.all(clients.dbs.map((db) => actOnResource(db, resource, "create", f.users.developer, f.org, form)));
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        const message = resource === "application" ? applicationNameTaken : databaseNameTaken;
        expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 7 }, () => expect.objectContaining({ fieldErrors: { name: message } })));
        const rows = rowsOf(await snapshotResources(t.db, f.org.id), resource).filter((row) => row.name === `race-${round}`);
        expect(rows).toHaveLength(1);
      }
    } finally {
      await clients.close();
    }
  });

  it("a database keeps its type", async () => {
    const f = await resourceFixture(t.db);
    const before = await snapshotResources(t.db, f.org.id);
    const result = await actOnResource(t.db, "database", "update", f.users.admin, f.org, {
      ...formFor(f, "database", "update", "development"),
      type: "mysql",
      version: "8.4",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { type: expect.stringContaining("cannot change") } });
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
  });

  it("bad input is refused field by field before anything runs", async () => {
    const f = await resourceFixture(t.db);
    const before = await snapshotResources(t.db, f.org.id);
    const app = await actOnResource(t.db, "application", "create", f.users.admin, f.org, {
      ...formFor(f, "application", "create", "development"),
      name: " ",
      gitRepository: "https://github.com/acme/web",
      branch: "feature..x",
    });
    expect(app).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String), gitRepository: expect.any(String), branch: expect.any(String) } });
    const db = await actOnResource(t.db, "database", "create", f.users.admin, f.org, {
      ...formFor(f, "database", "create", "development"),
      type: "redis",
      version: "8.4",
    });
    expect(db).toMatchObject({ ok: false, fieldErrors: { version: "Choose a version this database type offers." } });
    expect(await snapshotResources(t.db, f.org.id)).toEqual(before);
  });
});

describe("the factories", () => {
  it("build environments, applications and databases of one organization", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const { environment } = await makeResourceEnvironment(t.db, org, { mode: "preview" });
    const app = await makeApplication(t.db, environment);
    const row = await makeDatabase(t.db, environment, { type: "mongodb", version: "8.0" });
    expect([app.orgId, row.orgId, environment.orgId]).toEqual([org.id, org.id, org.id]);
  });
});
