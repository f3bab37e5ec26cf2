"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { OrganizationChoice } from "@/lib/orgs/queries";

type Props = {
  current: OrganizationChoice | null;
  /** The first settings page the caller's role opens in `current`, pinned in the panel. */
  settingsHref: string | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

// The navbar is on every page, so only the trigger ships with it: the panel (Popover, cmdk, the
// fetching) loads when a pointer or focus reaches the trigger, and at the latest on opening.
const loadPanel = () => import("./org-switcher-panel");
const OrgSwitcherPanel = dynamic(() => loadPanel().then((module) => module.OrgSwitcherPanel), { ssr: false });

/**
 * The navbar's organization switcher. The list is fetched when it opens and filtered on the server,
 * so a user in hundreds of organizations neither downloads nor renders them all.
 */
export function OrgSwitcher({ current, settingsHref, switchOrganization }: Props) {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const preload = () => void loadPanel();

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
        {current && <Avatar name={current.name} seed={current.slug} size="sm" />}
        <span className="sr-only">Switch organization, current organization: </span>
        <span className="min-w-0 truncate">{current?.name ?? "Select an organization"}</span>
        {current && (
          // Below 640 px the name needs the room; the role stays in the button's accessible name.
          <span className="rounded bg-zinc-100 px-1.5 text-xs whitespace-nowrap text-zinc-700 max-sm:sr-only dark:bg-zinc-800 dark:text-zinc-300">
            <span className="sr-only">, </span>
            {roleLabels[current.role]}
          </span>
        )}
        <ChevronDownIcon className="size-4 shrink-0 text-zinc-500" />
      </button>
      {open && (
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
