import { describe, expect, it } from "vitest";
import { clusterStatuses, environmentStatuses } from "@/db/schema/values";
import { environmentDisplayStatus } from "@/lib/projects/environment-status";

// Issue 15, part 5: an environment on a stopped cluster showed "Running". What an environment
// shows follows its cluster whenever the cluster does not run; the page side is checked in
// test/integration/resources-pages.test.ts.

const on = (status: (typeof clusterStatuses)[number]) => ({ name: "main", status });

describe("environmentDisplayStatus", () => {
  it("keeps the environment's own status while its cluster runs or is updated in place", () => {
    for (const cluster of ["running", "updating"] as const) {
      expect(environmentDisplayStatus("running", on(cluster))).toEqual({ label: "Running", tone: "running", reason: null });
      expect(environmentDisplayStatus("stopped", on(cluster))).toEqual({ label: "Stopped", tone: "stopped", reason: null });
    }
  });

  it.each([
    ["stopped", "Stopped", "stopped", "Its cluster main is stopped."],
    ["stopping", "Stopping", "transitional", "Its cluster main is stopping."],
    ["starting", "Starting", "transitional", "Its cluster main is starting."],
    ["installing", "Waiting for cluster", "transitional", "Its cluster main is still being installed."],
    ["error", "Error", "error", "Its cluster main is in error."],
    ["deleting", "Deleting", "transitional", "Its cluster main is being deleted."],
  ] as const)("a started environment on a %s cluster shows %s, and says why", (cluster, label, tone, reason) => {
    expect(environmentDisplayStatus("running", on(cluster))).toEqual({ label, tone, reason });
  });

  it("never shows Running unless the cluster runs or is being updated", () => {
    for (const cluster of clusterStatuses)
      for (const environment of environmentStatuses) {
        const shown = environmentDisplayStatus(environment, on(cluster)).label;
        if (shown === "Running") expect([environment, cluster === "running" || cluster === "updating"]).toEqual(["running", true]);
      }
  });

  it("a stopped environment stays Stopped, unless its cluster is being deleted (it goes with it)", () => {
    for (const cluster of ["stopped", "stopping", "starting", "installing", "error"] as const) {
      expect(environmentDisplayStatus("stopped", on(cluster))).toEqual({ label: "Stopped", tone: "stopped", reason: null });
    }
    expect(environmentDisplayStatus("stopped", on("deleting"))).toMatchObject({ label: "Deleting", reason: "Its cluster main is being deleted." });
  });
});
