import type { ClusterAction, ClusterStatus } from "@/db/schema/values";

// The cluster lifecycle as data. A requested action moves a settled cluster into a transitional
// state; the engine's job then settles it (or fails it into `error`, from where Retry runs the
// failed action again).

export const transitionalStatus = {
  install: "installing",
  update: "updating",
  stop: "stopping",
  start: "starting",
  delete: "deleting",
} as const satisfies Record<ClusterAction, ClusterStatus>;

/** Where a finished job leaves the cluster; `null` means the cluster is gone. */
export const settledStatus = {
  install: "running",
  update: "running",
  stop: "stopped",
  start: "running",
  delete: null,
} as const satisfies Record<ClusterAction, ClusterStatus | null>;

/** The settled states each action may start from (install only creates). */
const allowedFrom: Record<ClusterAction, readonly ClusterStatus[]> = {
  install: [],
  update: ["running"],
  stop: ["running"],
  start: ["stopped"],
  delete: ["running", "stopped", "error"],
};

/** Whether a cluster may be (or become) the organization's default: one that is or was running. */
export const mayBeDefault = (status: ClusterStatus) => status !== "installing" && status !== "deleting" && status !== "error";

/** What the page says once an action is accepted. */
export function actionStartedMessage(name: string, action: ClusterAction | "retry"): string {
  const doing: Record<ClusterAction | "retry", string> = {
    install: "is being installed",
    update: "is being updated",
    stop: "is stopping",
    start: "is starting",
    delete: "is being deleted",
    retry: "is retrying its last action",
  };
  return `${name} ${doing[action]}.`;
}

export const transitioning = (status: ClusterStatus) => Object.values(transitionalStatus).includes(status as never);

const busyMessage: Partial<Record<ClusterStatus, string>> = {
  installing: "The cluster is still being installed.",
  updating: "The cluster is being updated.",
  stopping: "The cluster is already stopping.",
  starting: "The cluster is already starting.",
  deleting: "The cluster is being deleted.",
};

const refusal: Record<ClusterAction, Partial<Record<ClusterStatus, string>>> = {
  install: {},
  update: { stopped: "Start the cluster before updating it.", error: "The cluster is in error: retry the failed action or delete it." },
  stop: { stopped: "The cluster is already stopped.", error: "The cluster is in error: retry the failed action or delete it." },
  start: { running: "The cluster is already running.", error: "The cluster is in error: retry the failed action or delete it." },
  delete: {},
};

export type TransitionCheck = { ok: true; next: ClusterStatus } | { ok: false; message: string };

/** Whether `action` may start from `status`, and the state it moves the cluster to. */
export function requestTransition(status: ClusterStatus, action: ClusterAction): TransitionCheck {
  if (allowedFrom[action].includes(status)) return { ok: true, next: transitionalStatus[action] };
  return { ok: false, message: busyMessage[status] ?? refusal[action][status] ?? `A ${status} cluster cannot be ${pastTense[action]}.` };
}

/** Retry runs the failed action again from `error`. */
export function requestRetry(status: ClusterStatus, failedAction: ClusterAction | null): TransitionCheck {
  if (status !== "error" || !failedAction) return { ok: false, message: "Only a cluster in error can be retried." };
  return { ok: true, next: transitionalStatus[failedAction] };
}

const pastTense: Record<ClusterAction, string> = { install: "installed", update: "updated", stop: "stopped", start: "started", delete: "deleted" };

export const statusLabels: Record<ClusterStatus, string> = {
  installing: "Installing",
  running: "Running",
  updating: "Updating",
  stopping: "Stopping",
  stopped: "Stopped",
  starting: "Starting",
  deleting: "Deleting",
  error: "Error",
};
