import type { ClusterStatus, EnvironmentStatus } from "@/db/schema/values";

// What an environment's status badge says. The stored status is what was asked of the environment
// (started or stopped); nothing of it runs unless its cluster does, so the cluster's state decides
// what is shown. Every page that shows an environment's status goes through this one function.

export type EnvironmentDisplayTone = "running" | "stopped" | "transitional" | "error";

export type EnvironmentDisplayStatus = {
  label: string;
  tone: EnvironmentDisplayTone;
  /** Why the badge differs from what the environment was asked to be; null when it does not. */
  reason: string | null;
};

const running: EnvironmentDisplayStatus = { label: "Running", tone: "running", reason: null };
const stopped: EnvironmentDisplayStatus = { label: "Stopped", tone: "stopped", reason: null };

/** The cluster states in which a started environment is not running, with what it shows then. */
const notServing: Record<Exclude<ClusterStatus, "running" | "updating">, { label: string; tone: EnvironmentDisplayTone; why: string }> = {
  installing: { label: "Waiting for cluster", tone: "transitional", why: "is still being installed" },
  starting: { label: "Starting", tone: "transitional", why: "is starting" },
  stopping: { label: "Stopping", tone: "transitional", why: "is stopping" },
  stopped: { label: "Stopped", tone: "stopped", why: "is stopped" },
  error: { label: "Error", tone: "error", why: "is in error" },
  deleting: { label: "Deleting", tone: "transitional", why: "is being deleted" },
};

/**
 * The status an environment shows, given its own and its cluster's. A cluster that runs (or is
 * being updated in place) leaves the environment's own status; otherwise a started environment
 * follows the cluster, and so does a stopped one whose cluster is being deleted (it goes with it).
 */
export function environmentDisplayStatus(environment: EnvironmentStatus, cluster: { name: string; status: ClusterStatus }): EnvironmentDisplayStatus {
  if (cluster.status === "running" || cluster.status === "updating") return environment === "running" ? running : stopped;
  if (environment === "stopped" && cluster.status !== "deleting") return stopped;
  const shown = notServing[cluster.status];
  return { label: shown.label, tone: shown.tone, reason: `Its cluster ${cluster.name} ${shown.why}.` };
}
