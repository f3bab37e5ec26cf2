"use client";

import { useLayoutEffect } from "react";

/**
 * cmdk with a controlled `value` highlights the right item but leaves the input's and the list's
 * aria-activedescendant on the item it chose itself (cmdk 1.1.1 recomputes it only when it moves
 * the highlight). Point them at the highlighted item after every render, so a screen reader hears
 * the option the switcher starts on, and scroll it into view.
 */
export function useActiveDescendant(root: React.RefObject<HTMLElement | null>, value: string) {
  useLayoutEffect(() => {
    const element = root.current;
    if (!element || !value) return;
    const item = element.querySelector<HTMLElement>(`[cmdk-item][data-value="${CSS.escape(value)}"]`);
    if (!item) return;
    for (const owner of element.querySelectorAll("[cmdk-input], [cmdk-list]")) owner.setAttribute("aria-activedescendant", item.id);
  });
  useLayoutEffect(() => {
    if (value) root.current?.querySelector(`[cmdk-item][data-value="${CSS.escape(value)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [root, value]);
}
