"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { focusHeading } from "./focus-heading";
import { SelectAllCheckbox, useMemberSelection } from "./member-selection";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * "Remove selected…": how many are selected, and one confirmation naming them. The form sends
 * their ids only; the server re-reads each within the organization and refuses the whole batch if
 * any of them may not be removed.
 */
export function BulkRemoveBar({ orgName, action }: { orgName: string; action: Action }) {
  const selection = useMemberSelection();
  const [open, setOpen] = useState(false);
  // Nothing to offer before the rows registered, or when none of them may be removed.
  if (!selection || (selection.available.length === 0 && selection.selected.size === 0)) return null;
  const chosen = [...selection.selected].map(([id, label]) => ({ id, label }));
  const count = chosen.length;
  const title = count === 1 ? `Remove ${chosen[0].label}?` : `Remove ${count} members?`;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="bulk-remove">
      {selection.available.length > 0 && (
        <label className="flex items-center gap-2 text-sm md:hidden">
          <SelectAllCheckbox labelledByText />
          Select all on this page
        </label>
      )}
      <p className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
        {count === 0 ? "Select members to remove several at once." : `${count} selected`}
      </p>
      <Button variant="danger" size="sm" disabled={count === 0} onClick={() => setOpen(true)}>
        Remove selected…
      </Button>
      {count > 0 && (
        <Button variant="secondary" size="sm" onClick={selection.clear}>
          Clear selection
        </Button>
      )}
      <ConfirmDialog
        open={open && count > 0}
        onOpenChange={setOpen}
        title={title}
        description={
          <>
            <p>
              {count === 1 ? "This member loses" : `These ${count} members lose`} access to {orgName} at once: its projects, environments and settings. You can invite
              them again later.
            </p>
            <ul className="max-h-48 list-disc overflow-y-auto pl-5" aria-label="Members to remove">
              {chosen.map((member) => (
                <li key={member.id}>{member.label}</li>
              ))}
            </ul>
          </>
        }
        confirmLabel={count === 1 ? "Remove member" : `Remove ${count} members`}
        pendingLabel="Removing…"
        action={action}
        fields={{ userIds: chosen.map((member) => member.id).join(",") }}
        onSuccess={() => {
          selection.clear();
          focusHeading();
        }}
      />
    </div>
  );
}
