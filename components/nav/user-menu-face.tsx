import { Avatar } from "@/components/ui/avatar";
import { ChevronDownIcon } from "@/components/ui/icons";

export type MenuUser = { name: string | null; email: string };

export const userMenuTriggerClass = "flex shrink-0 items-center gap-1 rounded-full p-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800";

export const userMenuLabel = (user: MenuUser) => `Account menu, signed in as ${user.name ?? user.email}`;

/** What the user menu's button shows, the same before and after the menu's code has loaded. */
export function UserMenuFace({ user }: { user: MenuUser }) {
  return (
    <>
      <Avatar name={user.name} email={user.email} seed={user.email} />
      <ChevronDownIcon className="size-4 text-zinc-500 max-sm:hidden" />
    </>
  );
}
