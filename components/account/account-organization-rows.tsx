"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { MemberRole } from "@/lib/authz/permissions";
import { roleLabels } from "@/lib/authz/role-labels";

export type AccountOrganizationRow = { slug: string; name: string; kind: "personal" | "team"; role: MemberRole };

/**
 * The account page's organizations, rendered here from compact data: as server HTML, each of up
 * to fifty rows also travelled as its whole element tree in the page's RSC payload (105 KB for a
 * user in 500 organizations). The Leave buttons open the table's one dialog
 * (LeaveOrganizationConfirmation) by bubbling.
 */
export function AccountOrganizationRows({ rows }: { rows: AccountOrganizationRow[] }) {
  return rows.map((org) => (
    <tr key={org.slug} data-testid="account-organization">
      <td>
        <Link href={`/orgs/${org.slug}`} data-row-link="">
          {org.name}
        </Link>
        {org.kind === "personal" && (
          <Badge tone="warning" className="ms-2">
            Personal
          </Badge>
        )}
      </td>
      <td data-label="Your role">{roleLabels[org.role]}</td>
      <td className="text-zinc-600 md:text-right dark:text-zinc-400">
        {org.role !== "owner" ? (
          <button type="button" data-leave={org.slug} data-name={org.name} data-row-button="danger" aria-label={`Leave ${org.name}`} aria-haspopup="dialog">
            Leave
          </button>
        ) : org.kind === "personal" ? (
          "Personal organization"
        ) : (
          <>
            Owner —{" "}
            <Link href={`/orgs/${org.slug}/settings/members#transfer-heading`} aria-label={`Transfer ownership of ${org.name} first`} className="underline underline-offset-2">
              transfer ownership
            </Link>{" "}
            first
          </>
        )}
      </td>
    </tr>
  ));
}
