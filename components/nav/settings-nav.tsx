"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { NavLink } from "./nav-types";

type Props = { items: NavLink[] };

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * The settings sections the caller's role opens: a side list from 768 px, and below it one
 * "Settings: <page>" button that unfolds the same list (a <details>, so it needs no script).
 */
export function SettingsNav({ items }: Props) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  const here = items.find((item) => isCurrent(pathname, item.href));

  // Client navigation keeps this layout mounted: fold the menu once a section is chosen.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);

  const list = (className: string) => (
    <ul className={className}>
      {items.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm ${current ? "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );

  return (
    <nav aria-label="Organization settings">
      <details ref={menu} className="group relative md:hidden">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900 [&::-webkit-details-marker]:hidden">
          <span className="min-w-0 truncate">Settings: {here?.label ?? "Choose a page"}</span>
          <ChevronDownIcon className="size-4 shrink-0 text-zinc-500 transition-transform group-open:rotate-180" />
        </summary>
        {list("absolute inset-x-0 z-20 mt-1 space-y-1 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900")}
      </details>
      <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase max-md:hidden dark:text-zinc-400">Organization settings</p>
      {list("space-y-1 max-md:hidden")}
    </nav>
  );
}
