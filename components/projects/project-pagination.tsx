import Link from "next/link";

type Props = { basePath: string; label: string; query?: string; after: string | null; nextCursor: string | null; status: string };

const pageLinkClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

export function pageHref(basePath: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** "First page" and "Next page" links of a keyset list, with what is shown read out politely. */
export function ProjectPagination({ basePath, label, query, after, nextCursor, status }: Props) {
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {(after || nextCursor) && (
        <nav aria-label={label} className="flex gap-2">
          {after && (
            <Link href={pageHref(basePath, { q: query })} className={pageLinkClass}>
              First page
            </Link>
          )}
          {nextCursor && (
            <Link href={pageHref(basePath, { q: query, after: nextCursor })} className={pageLinkClass}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
