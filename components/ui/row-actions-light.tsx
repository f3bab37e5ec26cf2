"use client";

import { useId } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";
import type { RowAction } from "./row-actions";

/**
 * RowActions for long tables: the same menu, items and keyboard behaviour, but the "…" trigger
 * carries no classes of its own (a page of 50 rows would repeat ~700 bytes of button classes
 * and an SVG per row). The table styles every trigger once, with `lightRowMenuTriggerStyles`
 * on an ancestor, so a row costs only the trigger's ARIA attributes.
 */
export function LightRowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  if (actions.length === 0) return null;
  return (
    // Not modal: a dialog opened from an item must get the pointer back when the menu closes.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger aria-label={label} data-row-menu="">
        <span aria-hidden>⋯</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {actions.map((action) => (
          <LightRowActionItem key={action.label} action={action} />
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** For an ancestor of the rows: styles every LightRowActions trigger inside it, once. */
export const lightRowMenuTriggerStyles =
  "[&_[data-row-menu]]:inline-flex [&_[data-row-menu]]:size-8 [&_[data-row-menu]]:items-center [&_[data-row-menu]]:justify-center " +
  "[&_[data-row-menu]]:rounded-md [&_[data-row-menu]]:text-lg [&_[data-row-menu]]:leading-none [&_[data-row-menu]]:text-zinc-700 " +
  "[&_[data-row-menu]:hover]:bg-zinc-100 dark:[&_[data-row-menu]]:text-zinc-300 dark:[&_[data-row-menu]:hover]:bg-zinc-800";

// As in RowActions: a disabled item stays reachable by arrows and says why; choosing it does nothing.
function LightRowActionItem({ action }: { action: RowAction }) {
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
