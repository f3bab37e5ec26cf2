"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { rowButtonClass } from "./styles";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  clusterId: string;
  clusterName: string;
  /** Whether the cluster's state allows the action now. */
  show: boolean;
  label: string;
  pendingLabel: string;
};

/**
 * A one-button form for a row (Start, Retry, Set as default) that works without JavaScript. It
 * stays mounted when the button goes away (a started cluster has no Start), so the success toast
 * and any error still show.
 */
export function InlineAction({ action, clusterId, clusterName, show, label, pendingLabel }: Props) {
  const [state, submit] = useActionState(action, null);
  const { formError, fieldError } = useActionFeedback(state);
  const error = formError ?? fieldError("clusterId");
  return (
    <>
      {show && (
        <form action={submit} className="contents">
          <input type="hidden" name="clusterId" value={clusterId} />
          <InlineButton label={label} pendingLabel={pendingLabel} clusterName={clusterName} />
        </form>
      )}
      <p role="status" className="basis-full text-xs text-red-700 empty:hidden dark:text-red-400">
        {error && `${label}: ${error}`}
      </p>
    </>
  );
}

function InlineButton({ label, pendingLabel, clusterName }: { label: string; pendingLabel: string; clusterName: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={rowButtonClass}>
      {pending ? pendingLabel : label}
      <span className="sr-only"> {clusterName}</span>
    </button>
  );
}
