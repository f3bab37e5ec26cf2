/** A page the navbar, the palette or the settings menu links to; built on the server from the caller's permissions. */
export type NavLink = { href: string; label: string };
