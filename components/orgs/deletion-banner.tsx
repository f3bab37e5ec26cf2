import Link from "next/link";
import { orgHref } from "@/lib/orgs/sections";

type Props = { slug: string; name: string; failure: string | null };

/** On every page of an organization being deleted: it is read-only, and where to follow it. */
export function DeletionBanner({ slug, name, failure }: Props) {
  return (
    <div role="status" className="mb-6 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50" data-testid="deletion-banner">
      <p className="font-semibold">{name} is being deleted and is read-only.</p>
      <p className="mt-1">
        {failure ? `The deletion stopped: ${failure} ` : "Its clusters are being torn down; the organization goes when the last one is done. "}
        <Link href={orgHref(slug, "settings/danger-zone")} className="font-medium underline underline-offset-2">
          Follow it in the Danger Zone
        </Link>
      </p>
    </div>
  );
}
