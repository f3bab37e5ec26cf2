"use client";

import { useRef, useState } from "react";

/** How the placeholder was activated before the real control arrived. */
export type OpenOnLoad = false | "pointer" | "keyboard";

/**
 * For a control whose primitive is heavy (a Radix menu is ~35 kB gzip) and rarely used: the page
 * ships a placeholder button that looks the same; a pointer or focus reaching it fetches the real
 * control, which then replaces it. Focus stays where it was, and a click made before the module
 * arrived opens it once it has ("keyboard" when made with Enter or Space, so the first item takes
 * focus as the primitive does itself).
 */
// What each loader brought, once it has: a row mounted after the first menu was fetched renders
// the real control at once, with nothing to swap under the user's pointer.
const arrived = new Map<() => Promise<unknown>, unknown>();

export function useLoadOnIntent<T>(load: () => Promise<T>) {
  const [loaded, setLoaded] = useState<T | null>(() => (arrived.get(load) as T | undefined) ?? null);
  const [openOnLoad, setOpenOnLoad] = useState<OpenOnLoad>(false);
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  function fetchControl(open: OpenOnLoad) {
    if (open) setOpenOnLoad(open);
    void load().then((module) => {
      arrived.set(load, module);
      setFocusOnLoad(document.activeElement === trigger.current);
      setLoaded(() => module);
    });
  }

  const triggerProps = {
    ref: trigger,
    type: "button" as const,
    "aria-haspopup": "menu" as const,
    "aria-expanded": false,
    onPointerEnter: () => fetchControl(false),
    onFocus: () => fetchControl(false),
    // Radix menus open on pointerdown, so the intent is taken there too: the real trigger may
    // replace this button between the press and its click, which then never reaches this one.
    onPointerDown: (event: React.PointerEvent) => {
      if (event.button === 0 && !event.ctrlKey) fetchControl("pointer");
    },
    // Enter or Space (a click with no pointer behind it).
    onClick: (event: React.MouseEvent) => {
      if (event.detail === 0) fetchControl("keyboard");
    },
  };
  return { loaded, openOnLoad, focusOnLoad, triggerProps };
}
