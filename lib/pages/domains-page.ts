import "server-only";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { listOrgDomains } from "@/lib/domains/queries";
import type { JoinPolicy, JoinRole } from "@/lib/domains/schemas";
import { challengeName } from "@/lib/domains/txt-record";
import { formatDateTime } from "@/lib/format";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

/** A domain as its card shows it: the TXT record to create until it is verified, then its policy. */
export type DomainView = {
  id: string;
  domain: string;
  record: { name: string; value: string };
  verified: string | null;
  policy: JoinPolicy;
  role: JoinRole;
  /** Another organization holds it verified: it cannot be verified here meanwhile. */
  heldElsewhere: boolean;
};

type Denied = Extract<SettingsPageAccess, { ok: false }>;

/** The Verified domains page: owners and admins (domain.manage); two statements. */
export async function loadDomainsPage(slug: string): Promise<{ ok: true; ctx: OrgContext; domains: DomainView[] } | Denied> {
  const access = await loadSettingsPage(slug, "domain.manage");
  if (!access.ok) return access;
  const rows = await listOrgDomains(await getDb(), access.ctx.org.id);
  const domains = rows.map((row): DomainView => ({
    id: row.id,
    domain: row.domain,
    record: { name: challengeName(row.domain), value: row.verificationToken },
    verified: row.verifiedAt ? formatDateTime(row.verifiedAt) : null,
    policy: row.policy as JoinPolicy,
    role: row.autoJoinRole as JoinRole,
    heldElsewhere: !row.verifiedAt && row.heldElsewhere,
  }));
  return { ok: true, ctx: access.ctx, domains };
}
