"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
export type JoinRequestRowData = { id: string; name: string | null; email: string; domain: string; asked: string };

/**
 * One request: Approve with a role (Developer or Viewer, as joining through a domain never gives
 * more) or Decline. Both toast as soon as they answer: the row is gone after either.
 */
export function JoinRequestRow({ request, actions }: { request: JoinRequestRowData; actions: { approve: Action; decline: Action } }) {
  const approve = useToastingAction(actions.approve);
  const decline = useToastingAction(actions.decline);
  const pending = approve.pending || decline.pending;
  const who = request.name ?? request.email;
  const roleId = `request-role-${request.id}`;
  const error = approve.formError ?? approve.fieldError("role") ?? decline.formError;
  return (
    <tr data-testid="join-request-row">
      <td className="break-all">
        <span className="font-medium">{who}</span>
        {request.name && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{request.email}</span>}
      </td>
      <td data-label="Asked">{request.asked}</td>
      <td data-actions="">
        <div className="flex flex-wrap items-center gap-2">
          <form action={approve.submit} className="flex items-center gap-2">
            <input type="hidden" name="requestId" value={request.id} />
            <label htmlFor={roleId} className="sr-only">
              Role for {who}
            </label>
            <select id={roleId} name="role" defaultValue="developer" disabled={pending} className={`${inputClass} mt-0 w-auto`}>
              <option value="developer">Developer</option>
              <option value="viewer">Viewer</option>
            </select>
            <Button type="submit" size="sm" disabled={pending} pending={approve.pending} pendingLabel="Approving…" aria-label={`Approve ${who}`}>
              Approve
            </Button>
          </form>
          <form action={decline.submit}>
            <input type="hidden" name="requestId" value={request.id} />
            <Button type="submit" size="sm" variant="secondary" disabled={pending} pending={decline.pending} pendingLabel="Declining…" aria-label={`Decline ${who}`}>
              Decline
            </Button>
          </form>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
