"use client";

import { useState } from "react";

/**
 * Where focus goes back when a dialog closes. Radix returns it to a Dialog.Trigger, but the kit's
 * dialogs exist once per table and open from a row's button or "…" menu, with no Trigger: without
 * this, focus would fall to the page's start. The opener is what had focus when the dialog first
 * rendered; an item of a menu stands for the menu's trigger (the menu is gone by then). If the
 * opener went away meanwhile (the row was deleted), the dialog's owner decides.
 */
export function useReturnFocus() {
  const [opener] = useState(openerNow);
  return (event: Event) => {
    if (!opener?.isConnected) return;
    event.preventDefault();
    opener.focus();
  };
}

function openerNow(): HTMLElement | null {
  if (typeof document === "undefined") return null;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const menuTriggerId = active.closest('[role="menu"]')?.getAttribute("aria-labelledby");
  return menuTriggerId ? document.getElementById(menuTriggerId) : active;
}
