"use client";

import type { ViewAsOffer } from "@/components/orgs/view-as-types";
import { useLoadOnIntent } from "@/components/ui/use-load-on-intent";
import type { UserMenuDropdown } from "./user-menu-dropdown";
import { type MenuUser, userMenuLabel, userMenuTriggerClass } from "./user-menu-trigger";

type Props = { user: MenuUser; signOut: () => Promise<void>; viewAs: ViewAsOffer | null; /** UserMenuFace, rendered on the server. */ face: React.ReactNode };

const loadDropdown = () => import("./user-menu-dropdown").then((module) => module.UserMenuDropdown);

/**
 * The signed-in user's menu (Account, Sign out). The navbar is on every page, so the menu
 * primitive is fetched when a pointer or focus first reaches this button (useLoadOnIntent).
 */
export function UserMenu({ user, signOut, viewAs, face }: Props) {
  const { loaded: Dropdown, openOnLoad, focusOnLoad, triggerProps } = useLoadOnIntent<typeof UserMenuDropdown>(loadDropdown);
  if (Dropdown) return <Dropdown user={user} signOut={signOut} viewAs={viewAs} face={face} openOnLoad={openOnLoad} focusTrigger={focusOnLoad} />;
  return (
    <button {...triggerProps} aria-label={userMenuLabel(user)} className={userMenuTriggerClass}>
      {face}
    </button>
  );
}
