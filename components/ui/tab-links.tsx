import Link from "next/link";
import { cn } from "./cn";
import { activeTabClass, tabClass, tabListClass } from "./tab-styles";

type Tab = { href: string; label: string; count?: number; current: boolean };

/** Tabs that are links: each is its own URL, so the page renders only the open tab's rows. */
export function TabLinks({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav aria-label={label} className={tabListClass}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={tab.current ? "page" : undefined} className={cn(tabClass, tab.current && activeTabClass)}>
          {tab.label}
          {tab.count !== undefined && (
            <span className="rounded-full bg-zinc-100 px-2 text-xs tabular-nums text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{tab.count.toLocaleString("en-US")}</span>
          )}
        </Link>
      ))}
    </nav>
  );
}
