"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DisabledButton } from "@/components/ui/disabled-button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

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

function RunToggle({ action, environment }: { action: Action; environment: Props["environment"] }) {
  const [state, submit] = useActionState(action, null);
  const { formError } = useActionFeedback(state);
  return (
    <span className="inline-flex flex-col gap-1">
      <form action={submit}>
        <input type="hidden" name="projectId" value={environment.projectId} />
        <input type="hidden" name="environmentId" value={environment.id} />
        <SubmitButton variant="secondary" pendingLabel={environment.running ? "Stopping…" : "Starting…"}>
          {environment.running ? "Stop environment" : "Start environment"}
        </SubmitButton>
      </form>
      <span role="status" className="text-xs text-red-700 empty:hidden dark:text-red-400">
        {formError}
      </span>
    </span>
  );
}

/** Edit, stop/start and delete for one environment; what the role lacks is shown disabled with the reason. */
export function EnvironmentControls({ environment, editHref, edit, toggle, remove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const toggleLabel = environment.running ? "Stop environment" : "Start environment";
  const fields = { projectId: environment.projectId, environmentId: environment.id };
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="environment-controls">
      {edit.allowed ? (
        <Link href={editHref} className={buttonClass({ variant: "secondary" })}>
          Edit environment
        </Link>
      ) : (
        <DisabledButton variant="secondary" reason={edit.reason}>
          Edit environment
        </DisabledButton>
      )}
      {toggle.allowed && toggle.action ? (
        <RunToggle action={toggle.action} environment={environment} />
      ) : (
        <DisabledButton variant="secondary" reason={toggle.reason}>
          {toggleLabel}
        </DisabledButton>
      )}
      {remove.allowed && remove.action ? (
        <>
          <Button variant="danger" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
            Delete environment
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={`Delete ${environment.name}?`}
            description={
              <p>
                The environment <strong>{environment.name}</strong> is deleted with its applications and databases. This cannot be undone.
              </p>
            }
            confirmLabel="Delete environment"
            pendingLabel="Deleting…"
            action={remove.action}
            fields={fields}
          />
        </>
      ) : (
        <DisabledButton variant="danger" reason={remove.reason}>
          Delete environment
        </DisabledButton>
      )}
    </div>
  );
}
