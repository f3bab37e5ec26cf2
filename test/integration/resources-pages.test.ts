import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { memberRoles, type MemberRole, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import type { ModeClass } from "@/lib/projects/modes";
import { permissionFor, resourceFixture } from "./support/resource-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 6: what the pages of applications and databases give each role (database.read hides every
// database from viewers; application.ssh shows the command to owners and admins only), and that
// they find nothing outside the organization, project and environment of the URL.

const t = useTestDatabase();

// The page loaders read the session (faked here) and the app's one database handle (this file's).
const { session } = await import("./support/fake-session");
vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const classes: ModeClass[] = ["production", "development"];

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no loader failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

describe("the pages: database.read and application.ssh (loaders)", () => {
  const as = (user: { id: string } | null) => (session.userId = user?.id ?? null);

  /** Thrown by notFound(): Next's digest says which. */
  async function digestOf(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      return String((error as { digest?: string }).digest ?? error);
    }
    return "no error";
  }

  it.each(callers)("as %s", async (caller) => {
    const { loadEnvironmentResources, loadResourceListPage } = await import("@/lib/pages/resource-pages");
    const { loadApplicationPage, loadDatabasePage, loadNewApplicationPage, loadNewDatabasePage } = await import("@/lib/pages/resource-item-pages");
    const { contextOf } = await import("./support/member-actions");
    const { sshCommand } = await import("@/lib/projects/ssh");
    const f = await resourceFixture(t.db);
    const user = f.users[caller];
    as(user);
    const ids = (modeClass: ModeClass) => [f.org.slug, f.project.id, f.environments[modeClass].id] as const;

    if (caller === "outsider") {
      // The organization's URLs are a 404 for a non-member, whatever the ids.
      expect(await digestOf(() => loadApplicationPage(...ids("development"), f.apps.development.id))).toContain("404");
      expect(await digestOf(() => loadDatabasePage(...ids("development"), f.dbs.development.id))).toContain("404");
      expect(await digestOf(() => loadResourceListPage("application", ...ids("development"), 1))).toContain("404");
      return;
    }

    const ctx = await contextOf(t.db, user, f.org, "project.read");
    const readsDatabases = roleHasPermission(caller, "database.read");
    const ssh = roleHasPermission(caller, "application.ssh");
    for (const modeClass of classes) {
      const environment = f.environments[modeClass];
      const view = await loadEnvironmentResources(ctx, { id: environment.id, name: environment.name, mode: environment.mode, projectId: f.project.id });
      const app = f.apps[modeClass];
      const dbRow = f.dbs[modeClass];
      expect(view.applications.rows).toEqual([expect.objectContaining({ id: app.id, name: "web", sshCommand: ssh ? sshCommand(app.id) : null })]);
      expect(view.can).toMatchObject({
        editApplications: roleHasPermission(caller, permissionFor("application", "update", modeClass)),
        deleteApplications: roleHasPermission(caller, permissionFor("application", "delete", modeClass)),
        ssh,
        readDatabases: readsDatabases,
        editDatabases: roleHasPermission(caller, permissionFor("database", "update", modeClass)),
        deleteDatabases: roleHasPermission(caller, permissionFor("database", "delete", modeClass)),
      });

      const appPage = await loadApplicationPage(...ids(modeClass), app.id);
      expect(appPage.application).toMatchObject({ id: app.id, sshCommand: ssh ? sshCommand(app.id) : null });
      expect(appPage.readOnlyReason === null).toBe(roleHasPermission(caller, permissionFor("application", "update", modeClass)));
      const newApp = await loadNewApplicationPage(...ids(modeClass));
      expect(newApp.ok).toBe(roleHasPermission(caller, permissionFor("application", "create", modeClass)));

      const dbPage = await loadDatabasePage(...ids(modeClass), dbRow.id);
      const dbList = await loadResourceListPage("database", ...ids(modeClass), 1);
      expect(await loadResourceListPage("application", ...ids(modeClass), 1)).toMatchObject({ ok: true, list: { total: 1, rows: [{ id: app.id }] } });
      const newDb = await loadNewDatabasePage(...ids(modeClass));
      if (!readsDatabases) {
        // No database section, and no database data anywhere in what the pages get.
        expect(view.databases).toBeNull();
        expect(JSON.stringify(view)).not.toContain(dbRow.id);
        expect(JSON.stringify(view)).not.toContain("orders");
        for (const refused of [dbPage, dbList, newDb]) {
          expect(refused).toStrictEqual({ ok: false, denial: expect.objectContaining({ requiredRole: "Developer", currentRole: roleLabels[caller], need: "see databases" }) });
        }
        continue;
      }
      expect(view.databases?.rows).toEqual([expect.objectContaining({ id: dbRow.id, name: "orders", typeLabel: "PostgreSQL", version: "16" })]);
      expect(dbPage).toMatchObject({ ok: true, database: { id: dbRow.id, type: "postgresql" } });
      expect(dbPage.ok && dbPage.readOnlyReason === null).toBe(roleHasPermission(caller, permissionFor("database", "update", modeClass)));
      expect(dbList).toMatchObject({ ok: true, list: { total: 1 } });
      expect(newDb.ok).toBe(roleHasPermission(caller, permissionFor("database", "create", modeClass)));
    }
  });

  it("finds nothing outside the organization, project and environment of the URL", async () => {
    const { loadApplicationPage, loadDatabasePage } = await import("@/lib/pages/resource-item-pages");
    const mine = await resourceFixture(t.db);
    const theirs = await resourceFixture(t.db);
    as(mine.users.admin);
    const dev = mine.environments.development.id;
    const attempts = [
      () => loadApplicationPage(mine.org.slug, theirs.project.id, theirs.environments.development.id, theirs.apps.development.id),
      () => loadApplicationPage(mine.org.slug, mine.project.id, dev, theirs.apps.development.id),
      () => loadApplicationPage(mine.org.slug, mine.project.id, dev, mine.apps.neighbour.id),
      () => loadApplicationPage(mine.org.slug, theirs.project.id, dev, mine.apps.development.id),
      () => loadApplicationPage(mine.org.slug, mine.project.id, dev, "not-an-id"),
      () => loadDatabasePage(mine.org.slug, mine.project.id, dev, theirs.dbs.development.id),
      () => loadDatabasePage(mine.org.slug, mine.project.id, dev, mine.dbs.neighbour.id),
    ];
    for (const attempt of attempts) expect(await digestOf(attempt)).toContain("404");
  });
});
