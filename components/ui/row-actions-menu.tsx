"use client";

import { useEffect, useId, useRef } from "react";
import type { RowAction } from "./row-actions";
import type { OpenOnLoad } from "./use-load-on-intent";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";

type Props = { label: string; actions: RowAction[]; openOnLoad: OpenOnLoad; focusTrigger: boolean };

/**
 * The row menu itself (Radix), loaded by RowActions on first intent. Arrows move, Enter picks,
 * Escape closes and gives focus back to the trigger.
 */
export function RowActionsMenu({ label, actions, openOnLoad, focusTrigger }: Props) {
  const trigger = useRef<HTMLButtonElement>(null);
  const keyboardEntry = useRef(openOnLoad === "keyboard");
  // This button replaced the placeholder the user may have been focused on: keep their place.
  useEffect(() => {
    if (focusTrigger) trigger.current?.focus();
  }, [focusTrigger]);
  return (
    // Not modal: a dialog opened from an item must get the pointer back when the menu closes.
    <DropdownMenu modal={false} defaultOpen={Boolean(openOnLoad)}>
      <DropdownMenuTrigger ref={trigger} aria-label={label} data-row-menu="">
        <span aria-hidden>⋯</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent
        // Opened by a key press on the placeholder, before this menu listened for keys: the first
        // item takes focus, as it does when the menu itself is opened by a key.
        onFocus={(event) => {
          if (!keyboardEntry.current || event.target !== event.currentTarget) return;
          keyboardEntry.current = false;
          event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
        }}
      >
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
