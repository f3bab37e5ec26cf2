"use client";

import Link from "next/link";
import { useId } from "react";
import { rowButtonClass } from "@/components/clusters/styles";
import { ConfirmAction } from "@/components/members/confirm-action";
import { useToastingAction } from "@/components/members/use-toasting-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { disabledButtonClass } from "./project-styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Control = { allowed: boolean; reason: string };

type Props = {
  environment: { id: string; name: string; projectId: string; running: boolean };
  editHref: string;
  edit: Control;
  /** Stop or start, bound to the server action of the environment's mode class (null when not allowed). */
  toggle: Control & { action: Action | null };
  remove: Control & { action: Action | null };
};

/** A control the caller's role does not allow: shown disabled, with the reason read out with it. */
function Refused({ label, reason }: { label: string; reason: string }) {
  const id = useId();
  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" disabled aria-describedby={id} className={disabledButtonClass}>
        {label}
      </button>
      <span id={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        {reason}
      </span>
    </span>
  );
}

function RunToggle({ action, environment }: { action: Action; environment: Props["environment"] }) {
  const { submit, pending, formError } = useToastingAction(action);
  const label = environment.running ? "Stop environment" : "Start environment";
  return (
    <span className="inline-flex flex-col gap-1">
      <form action={submit}>
        <input type="hidden" name="projectId" value={environment.projectId} />
        <input type="hidden" name="environmentId" value={environment.id} />
        <button type="submit" disabled={pending} className={rowButtonClass}>
          {pending ? (environment.running ? "Stopping…" : "Starting…") : label}
        </button>
      </form>
      <span role="status" className="text-xs text-red-700 empty:hidden dark:text-red-400">
        {formError}
      </span>
    </span>
  );
}

/** Edit, stop/start and delete for one environment, each allowed or refused by its mode's permission. */
export function EnvironmentControls({ environment, editHref, edit, toggle, remove }: Props) {
  const toggleLabel = environment.running ? "Stop environment" : "Start environment";
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="environment-controls">
      {edit.allowed ? (
        <Link href={editHref} className={rowButtonClass}>
          Edit environment
        </Link>
      ) : (
        <Refused label="Edit environment" reason={edit.reason} />
      )}
      {toggle.allowed && toggle.action ? <RunToggle action={toggle.action} environment={environment} /> : <Refused label={toggleLabel} reason={toggle.reason} />}
      {remove.allowed && remove.action ? (
        <ConfirmAction
          trigger="Delete environment"
          title={`Delete ${environment.name}?`}
          confirm="Delete environment"
          pendingLabel="Deleting…"
          action={remove.action}
          fields={{ projectId: environment.projectId, environmentId: environment.id }}
        >
          <p>
            The environment <strong>{environment.name}</strong> is deleted with its applications and databases. This cannot be undone.
          </p>
        </ConfirmAction>
      ) : (
        <Refused label="Delete environment" reason={remove.reason} />
      )}
    </div>
  );
}
