import { Avatar } from "@/components/ui/avatar";
import { ChevronDownIcon } from "@/components/ui/icons";

import type { MenuUser } from "./user-menu-trigger";

/**
 * What the user menu's button shows, the same before and after the menu's code has loaded.
 * Rendered on the server and handed to the client menu, so the avatar stays off the first load.
 */
export function UserMenuFace({ user }: { user: MenuUser }) {
  return (
    <>
      <Avatar name={user.name} email={user.email} seed={user.email} />
      <ChevronDownIcon className="size-4 text-zinc-500 max-sm:hidden" />
    </>
  );
}
