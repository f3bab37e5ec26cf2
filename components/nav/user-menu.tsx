"use client";

import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { ChevronDownIcon } from "@/components/ui/icons";

type Props = { user: { name: string | null; email: string }; signOut: () => Promise<void> };

/** The signed-in user's menu: who they are, their Account page, and Sign out. */
export function UserMenu({ user, signOut }: Props) {
  const shown = user.name ?? user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Account menu, signed in as ${shown}`}
        className="flex shrink-0 items-center gap-1 rounded-full p-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <Avatar name={user.name} email={user.email} seed={user.email} />
        <ChevronDownIcon className="size-4 text-zinc-500 max-sm:hidden" />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel className="font-normal">
          <span className="block text-sm font-medium break-words text-zinc-900 dark:text-zinc-100">{shown}</span>
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
        <form action={signOut}>
          {/* The menu stays open while the form submits: closing it would unmount the form before
              the browser sends it. Sign-out then leaves the page anyway. */}
          <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
            <button type="submit" className="text-left">
              Sign out
            </button>
          </DropdownMenuItem>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
