import { hrefWith, Pagination } from "@/components/ui/pagination";

type Props = { label: string; href: string; page: number; pages: number };

/** Previous / Next under a paged list of applications or databases, on the kit's Pagination. */
export function ResourcePages({ label, href, page, pages }: Props) {
  if (pages <= 1) return null;
  const at = (n: number) => hrefWith(href, { page: n > 1 ? String(n) : null });
  return (
    <Pagination
      label={label}
      status={`Page ${page} of ${pages}`}
      previous={page > 1 ? { href: at(page - 1), label: "Previous page" } : null}
      next={page < pages ? { href: at(page + 1), label: "Next page" } : null}
    />
  );
}
