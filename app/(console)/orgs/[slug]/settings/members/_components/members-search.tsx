import Link from "next/link";

type Props = { basePath: string; query: string; shown: number; after: string | null; nextCursor: string | null };

const linkClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

function href(basePath: string, params: Record<string, string | null>) {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** A plain GET form: searching and paging are URLs, so they work without JavaScript and can be shared. */
export function MembersSearch({ basePath, query }: Pick<Props, "basePath" | "query">) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Members" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="members-q" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Search members
        </label>
        <input
          id="members-q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={100}
          placeholder="Name or email"
          className="mt-1 block w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <button type="submit" className={linkClass}>
        Search
      </button>
      {query && (
        <Link href={basePath} className="px-2 py-1.5 text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Clear search
        </Link>
      )}
    </form>
  );
}

export function MembersPagination({ basePath, query, shown, after, nextCursor }: Props) {
  const what = query ? `matching “${query}”` : "";
  const status =
    shown === 0
      ? query
        ? `No member matches “${query}”.`
        : "No more members."
      : `Showing ${shown} member${shown === 1 ? "" : "s"}${what ? ` ${what}` : ""}${after ? " (later page)" : ""}.`;
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {(after || nextCursor) && (
        <nav aria-label="Members pages" className="flex gap-2">
          {after && (
            <Link href={href(basePath, { q: query })} className={linkClass}>
              First page
            </Link>
          )}
          {nextCursor && (
            <Link href={href(basePath, { q: query, after: nextCursor })} className={linkClass}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
