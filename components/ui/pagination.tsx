import Link from "next/link";
import { buttonClass } from "./button-styles";

type PageLink = { href: string; label: string };

type Props = {
  /** Names the navigation, e.g. "Members pages". */
  label: string;
  /** What this page shows, said politely to screen readers when it changes. */
  status: React.ReactNode;
  /** Back to the start, the page before, the page after: whichever exist (keyset pages have no numbers). */
  first?: PageLink | null;
  previous?: PageLink | null;
  next?: PageLink | null;
};

/** The one keyset pagination: links, so paging works without JavaScript and can be shared. */
export function Pagination({ label, status, first, previous, next }: Props) {
  const links = [first, previous, next].filter((link): link is PageLink => Boolean(link));
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {links.length > 0 && (
        <nav aria-label={label} className="flex flex-wrap gap-2">
          {links.map((link) => (
            <Link key={link.label} href={link.href} className={buttonClass({ variant: "secondary", size: "sm" })}>
              {link.label}
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}

/** A path with the given query parameters, leaving out empty ones. */
export function hrefWith(basePath: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${basePath}?${search}` : basePath;
}
