import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { clusters } from "@/db/schema";
import { loadEnvironmentPage } from "@/lib/pages/environment-pages";
import { loadProjectPage } from "@/lib/pages/project-pages";
import { actOnCluster, instantEngine, runQueuedJobs } from "./support/cluster-actions";
import { projectFixture } from "./support/project-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 15, part 5: an environment on a stopped cluster showed "Running". The project page and the
// environment page now show what environmentDisplayStatus derives from the cluster's state, here
// after a real stop through the Clusters action and the job runner.

const t = useTestDatabase();

const { session } = await import("./support/fake-session");
vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

describe("an environment's status on the pages follows its cluster", () => {
  it("shows Stopping, then Stopped with the reason, once its cluster is stopped; Error when the cluster fails", async () => {
    const f = await projectFixture(t.db);
    session.userId = f.users.viewer.id;
    const shown = async () => {
      const page = await loadProjectPage(f.org.slug, f.project.id, {});
      return Object.fromEntries(page!.environments.map((environment) => [environment.name, environment.display]));
    };
    // main runs production, dev and prod-parked (stopped); other runs staging (stopped).
    expect(await shown()).toMatchObject({ production: { label: "Running", reason: null }, dev: { label: "Running" }, "prod-parked": { label: "Stopped" } });

    expect(await actOnCluster(t.db, "stop", f.users.admin, f.org, { clusterId: f.main.id, confirmName: "main" })).toMatchObject({ ok: true });
    expect(await shown()).toMatchObject({ production: { label: "Stopping", reason: "Its cluster main is stopping." }, "prod-parked": { label: "Stopped", reason: null } });

    await runQueuedJobs(t.db, instantEngine);
    expect(await shown()).toMatchObject({
      production: { label: "Stopped", tone: "stopped", reason: "Its cluster main is stopped." },
      dev: { label: "Stopped", reason: "Its cluster main is stopped." },
      "prod-parked": { label: "Stopped", reason: null },
      staging: { label: "Stopped", reason: null },
    });
    const details = await loadEnvironmentPage(f.org.slug, f.project.id, f.running.production.id);
    // The Stop/Start control still acts on what was asked of the environment: it was never stopped.
    expect(details!.environment).toMatchObject({ status: "running", display: { label: "Stopped", reason: "Its cluster main is stopped." } });

    await t.db.update(clusters).set({ status: "error" }).where(eq(clusters.id, f.main.id));
    expect(await shown()).toMatchObject({ production: { label: "Error", tone: "error", reason: "Its cluster main is in error." } });
  });
});
