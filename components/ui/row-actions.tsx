"use client";

import { useId } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";

export type RowAction = {
  label: string;
  onSelect: () => void;
  variant?: "default" | "danger";
  /** Shown greyed out with this reason instead of being hidden (the permission table says why). */
  disabledReason?: string;
  /** Starts a new group (danger items go last, after a line). */
  separated?: boolean;
};

/**
 * A row's one "…" menu. The dialogs its items open live once per table, outside the rows: the
 * menu only tells the table which row and which action. Arrows move, Enter picks, Escape closes
 * and gives focus back to the trigger (Radix).
 */
export function RowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  if (actions.length === 0) return null;
  return (
    // Not modal: a dialog opened from an item must get the pointer back when the menu closes.
    <DropdownMenu modal={false}>
      {/* Styled once in globals.css ([data-row-menu]): a row costs only the trigger's ARIA. */}
      <DropdownMenuTrigger aria-label={label} data-row-menu="">
        <span aria-hidden>⋯</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {actions.map((action) => (
          <RowActionItem key={action.label} action={action} />
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

// A disabled item stays reachable by arrows (Radix would skip it), so a keyboard or screen-reader
// user hears why it is off; choosing it does nothing and leaves the menu open.
function RowActionItem({ action }: { action: RowAction }) {
  const reasonId = useId();
  const off = Boolean(action.disabledReason);
  return (
    <>
      {action.separated && <DropdownMenuSeparator />}
      <DropdownMenuItem
        variant={action.variant}
        aria-disabled={off || undefined}
        aria-describedby={off ? reasonId : undefined}
        className={off ? "cursor-not-allowed opacity-60" : undefined}
        onSelect={(event) => (off ? event.preventDefault() : action.onSelect())}
      >
        <span className="flex flex-col">
          <span>{action.label}</span>
          {off && (
            <span id={reasonId} className="text-xs text-zinc-600 dark:text-zinc-400">
              {action.disabledReason}
            </span>
          )}
        </span>
      </DropdownMenuItem>
    </>
  );
}
