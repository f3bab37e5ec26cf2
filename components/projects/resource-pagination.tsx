import Link from "next/link";

type Props = { label: string; href: string; page: number; pages: number };

/** Previous / Page n of m / Next under a paged list of applications or databases. */
export function ResourcePages({ label, href, page, pages }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 && (
        <Link href={`${href}?page=${page - 1}`} className="underline underline-offset-2">
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={`${href}?page=${page + 1}`} className="underline underline-offset-2">
          Next page
        </Link>
      )}
    </nav>
  );
}
