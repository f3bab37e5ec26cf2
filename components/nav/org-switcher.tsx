"use client";

import { useRef, useState } from "react";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";

type Props = {
  current: OrganizationChoice | null;
  /** The button's content (OrgSwitcherFace), rendered on the server. */
  face: React.ReactNode;
  /** The first settings page the caller's role opens in `current`, pinned in the panel. */
  settingsHref: string | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

// The navbar is on every page, so only the trigger ships with it: the panel (Popover, cmdk, the
// fetching) loads when a pointer or focus reaches the trigger, and at the latest on opening.
const loadPanel = () => import("./org-switcher-panel").then((module) => module.OrgSwitcherPanel);

/**
 * The navbar's organization switcher. The list is fetched when it opens and filtered on the server,
 * so a user in hundreds of organizations neither downloads nor renders them all.
 */
export function OrgSwitcher({ current, face, settingsHref, switchOrganization }: Props) {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const preload = () => void loadPanel();
  const OrgSwitcherPanel = useLazyComponent(loadPanel, open);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="flex min-w-0 items-center gap-2 rounded-md border border-zinc-300 bg-white py-1 pr-2 pl-1.5 text-sm font-medium hover:bg-zinc-50 sm:max-w-xs dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        {face}
      </button>
      {open && OrgSwitcherPanel && (
        <OrgSwitcherPanel
          anchorRef={triggerRef}
          current={current}
          settingsHref={settingsHref}
          switchOrganization={switchOrganization}
          onClose={close}
        />
      )}
    </>
  );
}
