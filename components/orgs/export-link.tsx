import { buttonClass } from "@/components/ui/button-styles";
import { orgHref } from "@/lib/orgs/sections";

/**
 * The organization export (…/settings/export, a JSON attachment). A plain link, never prefetched:
 * every download is an audit event.
 */
export function ExportLink({ slug, children = "Download an export" }: { slug: string; children?: React.ReactNode }) {
  return (
    <a href={orgHref(slug, "settings/export")} download className={buttonClass({ variant: "secondary" })}>
      {children}
    </a>
  );
}
