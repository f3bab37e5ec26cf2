"use client";

import { useEffect, useRef, useState } from "react";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { NavLink } from "./nav-types";

type Props = {
  /** The organization in the URL, whose projects the palette searches; null outside any. */
  orgSlug: string | null;
  /** The settings pages the caller's role opens there (capability data from the layout). */
  settings: NavLink[];
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  /** The button's search icon, rendered on the server (the icon set stays off the first load). */
  icon: React.ReactNode;
};

// Like the switcher, only the button and the shortcut ship with every page; the dialog and cmdk
// load on first intent.
const loadPanel = () => import("./command-palette-panel").then((module) => module.CommandPalettePanel);

const isShortcut = (event: KeyboardEvent) => event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey;

/** The navbar's "Search…" button and the ⌘K / Ctrl+K shortcut, which open the command palette. */
export function CommandPalette({ orgSlug, settings, switchOrganization, icon }: Props) {
  const [open, setOpen] = useState(false);
  const [mac, setMac] = useState(false);
  // Said (aria-keyshortcuts) only once the listener is there: before hydration the keys do nothing.
  const [shortcutReady, setShortcutReady] = useState(false);
  const openRef = useRef(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const preload = () => void loadPanel();
  const CommandPalettePanel = useLazyComponent(loadPanel, open);

  function show(next: boolean) {
    if (next && !openRef.current) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openRef.current = next;
    setOpen(next);
  }

  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      show(!openRef.current);
    };
    window.addEventListener("keydown", onKeyDown);
    setShortcutReady(true);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // Back where the user was (the button, or whatever had focus when the shortcut was pressed), once
  // the dialog and its focus trap are gone.
  useEffect(() => {
    if (open || !returnFocus.current) return;
    if (returnFocus.current.isConnected) returnFocus.current.focus();
    returnFocus.current = null;
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-keyshortcuts={shortcutReady ? "Control+K Meta+K" : undefined}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => show(true)}
        className="flex h-8 shrink-0 items-center gap-2 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-700 hover:bg-zinc-50 md:w-44 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {icon}
        {/* Hidden below 768 px, but still the button's accessible name. */}
        <span className="max-md:sr-only">Search…</span>
        <kbd aria-hidden className="ml-auto rounded border border-zinc-300 px-1 font-sans text-xs text-zinc-600 max-md:hidden dark:border-zinc-600 dark:text-zinc-400">
          {mac ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {open && CommandPalettePanel && <CommandPalettePanel orgSlug={orgSlug} settings={settings} switchOrganization={switchOrganization} onClose={() => show(false)} />}
    </>
  );
}
