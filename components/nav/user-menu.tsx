"use client";

import { useRef, useState } from "react";
import type { UserMenuDropdown } from "./user-menu-dropdown";
import { type MenuUser, UserMenuFace, userMenuLabel, userMenuTriggerClass } from "./user-menu-face";

type Props = { user: MenuUser; signOut: () => Promise<void> };

/**
 * The signed-in user's menu (Account, Sign out). The menu primitive weighs ~35 kB gzip and the
 * navbar is on every page, so this placeholder button, which looks the same, fetches it when a
 * pointer or focus reaches it and hands over to it: focus stays on the button, and a click made
 * before it arrived opens the menu once it has.
 */
export function UserMenu({ user, signOut }: Props) {
  const [Dropdown, setDropdown] = useState<typeof UserMenuDropdown | null>(null);
  // "keyboard": opened with Enter or Space, so the first item takes focus, as Radix does itself.
  const [openOnLoad, setOpenOnLoad] = useState<false | "pointer" | "keyboard">(false);
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function load(open: typeof openOnLoad) {
    if (open) setOpenOnLoad(open);
    void import("./user-menu-dropdown").then((module) => {
      setFocusOnLoad(document.activeElement === button.current);
      setDropdown(() => module.UserMenuDropdown);
    });
  }

  if (Dropdown) return <Dropdown user={user} signOut={signOut} openOnLoad={openOnLoad} focusTrigger={focusOnLoad} />;
  return (
    <button
      ref={button}
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label={userMenuLabel(user)}
      onPointerEnter={() => load(false)}
      onFocus={() => load(false)}
      onClick={(event) => load(event.detail === 0 ? "keyboard" : "pointer")}
      className={userMenuTriggerClass}
    >
      <UserMenuFace user={user} />
    </button>
  );
}
