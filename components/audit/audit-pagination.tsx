import Link from "next/link";

type Props = { shown: number; links: { newest: string | null; newer: string | null; older: string | null } };

const linkClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

/** Keyset pages: links to the events just newer or older than this page's, and back to the newest. */
export function AuditPagination({ shown, links }: Props) {
  const { newest, newer, older } = links;
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
      <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {shown > 0 && `Showing ${shown} event${shown === 1 ? "" : "s"}, newest first${newest ? " (an earlier page)" : ""}.`}
      </p>
      {(newest || newer || older) && (
        <nav aria-label="Audit log pages" className="flex gap-2">
          {newest && (
            <Link href={newest} className={linkClass}>
              Newest events
            </Link>
          )}
          {newer && (
            <Link href={newer} className={linkClass}>
              Newer events
            </Link>
          )}
          {older && (
            <Link href={older} className={linkClass}>
              Older events
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
