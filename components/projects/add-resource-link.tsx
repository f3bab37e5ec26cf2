import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { DisabledButton } from "@/components/ui/disabled-button";

/** "Add application" / "Add database": a link, or the same control disabled with the reason where the role lacks it. */
export function AddResourceLink({ href, label, deniedReason }: { href: string; label: string; deniedReason?: string | null }) {
  if (deniedReason) return <DisabledButton reason={deniedReason}>{label}</DisabledButton>;
  return (
    <Link href={href} className={buttonClass()}>
      {label}
    </Link>
  );
}
