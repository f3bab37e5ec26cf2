"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ViewAsDialog } from "@/components/orgs/view-as-dialog";
import type { ViewAsOffer } from "@/components/orgs/view-as-types";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { OpenOnLoad } from "@/components/ui/use-load-on-intent";
import { type MenuUser, userMenuLabel, userMenuTriggerClass } from "./user-menu-trigger";

type Props = { user: MenuUser; signOut: () => Promise<void>; viewAs: ViewAsOffer | null; face: React.ReactNode; openOnLoad: OpenOnLoad; focusTrigger: boolean };

/** The user menu itself (kit DropdownMenu), loaded by UserMenu on first intent. */
export function UserMenuDropdown({ user, signOut, viewAs, face, openOnLoad, focusTrigger }: Props) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [viewAsOpen, setViewAsOpen] = useState(false);
  const keyboardEntry = useRef(openOnLoad === "keyboard");
  // This button replaced the placeholder the user may have been focused on: keep their place.
  useEffect(() => {
    if (focusTrigger) trigger.current?.focus();
  }, [focusTrigger]);

  return (
    <>
      {/* Not modal with "View as a role": the dialog opened from its item must get the pointer back. */}
      <DropdownMenu modal={!viewAs} defaultOpen={Boolean(openOnLoad)}>
        <DropdownMenuTrigger ref={trigger} aria-label={userMenuLabel(user)} className={userMenuTriggerClass}>
          {face}
        </DropdownMenuTrigger>
        <DropdownMenuContent
          className="w-64"
          // Opened by a key press on the placeholder, before this menu listened for keys: the first
          // item takes focus, as it does when the menu itself is opened by a key.
          onFocus={(event) => {
            if (!keyboardEntry.current || event.target !== event.currentTarget) return;
            keyboardEntry.current = false;
            event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
          }}
        >
          <DropdownMenuLabel className="font-normal">
            <span className="block text-sm font-medium break-words text-zinc-900 dark:text-zinc-100">{user.name ?? user.email}</span>
            {user.name && <span className="block break-all">{user.email}</span>}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            {/* Not prefetched: a prefetch still in flight at sign-out comes back with the proxy's
                refreshed session cookie and signs the user in again. */}
            <Link href="/account" prefetch={false}>
              Account
            </Link>
          </DropdownMenuItem>
          {viewAs && <DropdownMenuItem onSelect={() => setViewAsOpen(true)}>View as a role…</DropdownMenuItem>}
          <form action={signOut}>
            {/* The menu stays open while the form submits: closing it would unmount the form before
                the browser sends it. Signing out leaves the page anyway. */}
            <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
              <button type="submit" className="text-left">
                Sign out
              </button>
            </DropdownMenuItem>
          </form>
        </DropdownMenuContent>
      </DropdownMenu>
      {viewAs && viewAsOpen && <ViewAsDialog offer={viewAs} onOpenChange={setViewAsOpen} />}
    </>
  );
}
