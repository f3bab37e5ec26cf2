"use client";

import type { RowActionsMenu } from "./row-actions-menu";
import { useLoadOnIntent } from "./use-load-on-intent";

export type RowAction = {
  label: string;
  onSelect: () => void;
  variant?: "default" | "danger";
  /** Shown greyed out with this reason instead of being hidden (the permission table says why). */
  disabledReason?: string;
  /** Starts a new group (danger items go last, after a line). */
  separated?: boolean;
};

const loadMenu = () => import("./row-actions-menu").then((module) => module.RowActionsMenu);

/**
 * A row's one "…" menu. The dialogs its items open live once per table, outside the rows: the
 * menu only tells the table which row and which action. The menu primitive is fetched when a
 * pointer or focus first reaches a trigger (then every row's menu has it).
 */
export function RowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  const { loaded: Menu, openOnLoad, focusOnLoad, triggerProps } = useLoadOnIntent<typeof RowActionsMenu>(loadMenu);
  if (actions.length === 0) return null;
  if (Menu) return <Menu label={label} actions={actions} openOnLoad={openOnLoad} focusTrigger={focusOnLoad} />;
  return (
    // Styled once in globals.css ([data-row-menu]): a row costs only the trigger's ARIA.
    <button {...triggerProps} aria-label={label} data-row-menu="">
      <span aria-hidden>⋯</span>
    </button>
  );
}
