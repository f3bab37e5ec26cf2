import { describe, expect, it } from "vitest";
import { clusterActions, clusterStatuses, type ClusterAction, type ClusterStatus } from "@/db/schema/values";
import { requestRetry, requestTransition, settledStatus, statusLabels, transitionalStatus, transitioning } from "@/lib/clusters/state-machine";

// The lifecycle written out by hand, one cell per (status × action): the next state for a legal
// request, the message the user reads for an illegal one. The code must match this table, not itself.

const busy = {
  installing: "The cluster is still being installed.",
  updating: "The cluster is being updated.",
  stopping: "The cluster is already stopping.",
  starting: "The cluster is already starting.",
  deleting: "The cluster is being deleted.",
} as const;
const inError = "The cluster is in error: retry the failed action or delete it.";

type Cell = { next: ClusterStatus } | { refused: string | RegExp };
const everyActionRefused = (message: string): Record<ClusterAction, Cell> => ({
  install: { refused: message },
  update: { refused: message },
  stop: { refused: message },
  start: { refused: message },
  delete: { refused: message },
});

const lifecycle: Record<ClusterStatus, Record<ClusterAction, Cell>> = {
  running: {
    // Install only ever creates a cluster: it is never requested on an existing one.
    install: { refused: /cannot be installed\.$/ },
    update: { next: "updating" },
    stop: { next: "stopping" },
    start: { refused: "The cluster is already running." },
    delete: { next: "deleting" },
  },
  stopped: {
    install: { refused: /cannot be installed\.$/ },
    update: { refused: "Start the cluster before updating it." },
    stop: { refused: "The cluster is already stopped." },
    start: { next: "starting" },
    delete: { next: "deleting" },
  },
  error: {
    install: { refused: /cannot be installed\.$/ },
    update: { refused: inError },
    stop: { refused: inError },
    start: { refused: inError },
    delete: { next: "deleting" },
  },
  installing: everyActionRefused(busy.installing),
  updating: everyActionRefused(busy.updating),
  stopping: everyActionRefused(busy.stopping),
  starting: everyActionRefused(busy.starting),
  deleting: everyActionRefused(busy.deleting),
};

const cells = clusterStatuses.flatMap((status) => clusterActions.map((action) => [status, action, lifecycle[status][action]] as const));

describe("requestTransition: every status × action", () => {
  it("the table covers every status and every action", () => {
    expect(Object.keys(lifecycle).sort()).toEqual([...clusterStatuses].sort());
    expect(cells).toHaveLength(clusterStatuses.length * clusterActions.length);
  });

  it.each(cells)("%s + %s", (status, action, cell) => {
    const result = requestTransition(status, action);
    if ("next" in cell) {
      expect(result).toStrictEqual({ ok: true, next: cell.next });
      return;
    }
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    if (typeof cell.refused === "string") expect(message).toBe(cell.refused);
    else expect(message).toMatch(cell.refused);
  });

  it("the examples from the issue read clearly", () => {
    expect(requestTransition("stopped", "stop")).toStrictEqual({ ok: false, message: "The cluster is already stopped." });
    expect(requestTransition("deleting", "delete")).toStrictEqual({ ok: false, message: "The cluster is being deleted." });
    expect(requestTransition("running", "start")).toStrictEqual({ ok: false, message: "The cluster is already running." });
    expect(requestTransition("stopped", "update")).toStrictEqual({ ok: false, message: "Start the cluster before updating it." });
  });

  it("a legal request always leads to a transitional state, which refuses every further request", () => {
    for (const [status, action, cell] of cells) {
      if (!("next" in cell)) continue;
      expect(transitioning(cell.next), `${status} + ${action}`).toBe(true);
      for (const other of clusterActions) expect(requestTransition(cell.next, other).ok, `${cell.next} + ${other}`).toBe(false);
    }
  });
});

describe("requestRetry", () => {
  it.each(clusterActions)("an error left by %s runs that action again", (failed) => {
    expect(requestRetry("error", failed)).toStrictEqual({ ok: true, next: transitionalStatus[failed] });
  });

  it("an error with no recorded failed action cannot be retried", () => {
    expect(requestRetry("error", null)).toStrictEqual({ ok: false, message: "Only a cluster in error can be retried." });
  });

  it.each(clusterStatuses.filter((status) => status !== "error"))("a %s cluster cannot be retried", (status) => {
    for (const failed of [...clusterActions, null]) {
      expect(requestRetry(status, failed)).toStrictEqual({ ok: false, message: "Only a cluster in error can be retried." });
    }
  });
});

describe("settledStatus and transitionalStatus", () => {
  it("a finished job settles the cluster, and delete removes it", () => {
    expect(settledStatus).toStrictEqual({ install: "running", update: "running", stop: "stopped", start: "running", delete: null });
  });

  it("each action has its own transitional state", () => {
    expect(transitionalStatus).toStrictEqual({ install: "installing", update: "updating", stop: "stopping", start: "starting", delete: "deleting" });
  });

  it("transitioning tells transitional states from settled ones", () => {
    const transitional = clusterStatuses.filter(transitioning);
    expect(transitional.sort()).toEqual(["deleting", "installing", "starting", "stopping", "updating"]);
  });

  it("every settled state a job leaves accepts some next action (no dead end but deletion)", () => {
    for (const settled of Object.values(settledStatus)) {
      if (settled === null) continue;
      expect(clusterActions.some((action) => requestTransition(settled, action).ok)).toBe(true);
    }
    expect(requestTransition("error", "delete").ok).toBe(true);
  });

  it("every status has a label", () => {
    for (const status of clusterStatuses) expect(statusLabels[status]).toMatch(/^[A-Z][a-z]+$/);
  });
});
