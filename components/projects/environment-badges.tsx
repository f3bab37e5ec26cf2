import type { EnvironmentMode } from "@/db/schema/values";
import type { EnvironmentDisplayStatus, EnvironmentDisplayTone } from "@/lib/projects/environment-status";

const modeTone: Record<EnvironmentMode, string> = {
  production: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  staging: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900",
  development: "bg-zinc-100 text-zinc-800 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700",
  preview: "bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-900",
};

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function EnvironmentModeBadge({ mode, label }: { mode: EnvironmentMode; label: string }) {
  return (
    <span className={`${badge} ${modeTone[mode]}`} data-testid="environment-mode">
      {label}
    </span>
  );
}

const statusTone: Record<EnvironmentDisplayTone, string> = {
  running: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  stopped: "bg-zinc-100 text-zinc-800 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700",
  transitional: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  error: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
};

/** The status from environmentDisplayStatus, and why when the cluster decided it. */
export function EnvironmentStatusBadge({ status }: { status: EnvironmentDisplayStatus }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className={`${badge} ${statusTone[status.tone]}`} data-testid="environment-status">
        {status.label}
      </span>
      {status.reason && (
        <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400" data-testid="environment-status-reason">
          {status.reason}
        </span>
      )}
    </span>
  );
}

/** "main" plus, when the rules or the default picked it, "Automatic". */
export function EnvironmentCluster({ name, automatic }: { name: string; automatic: boolean }) {
  return (
    <span data-testid="environment-cluster">
      {name}
      {automatic && " "}
      {automatic && <span className="text-xs text-zinc-600 dark:text-zinc-400">(Automatic)</span>}
    </span>
  );
}
