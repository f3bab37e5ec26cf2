import "server-only";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { type AccountProvider, maskedSecret } from "@/lib/cloud-accounts/credentials";
import { clustersByAccount, listCloudAccounts } from "@/lib/cloud-accounts/queries";
import { providerCatalog } from "@/lib/clusters/catalog";
import { formatDateTime } from "@/lib/format";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

/** An account as its row shows it: the secret only masked ("…abcd"), dates already written. */
export type CloudAccountView = {
  id: string;
  name: string;
  provider: AccountProvider;
  providerLabel: string;
  masked: string;
  created: string;
  /** "Never" until the engine first runs a job with it. */
  lastUsed: string;
  rotated: string | null;
  /** The clusters installed with it, linked to their settings. */
  usedBy: { id: string; name: string; href: string }[];
  /** Why Delete is off: clusters use it. */
  deleteDenied?: string;
};

type Denied = Extract<SettingsPageAccess, { ok: false }>;

/** The Cloud accounts page: owners and admins (cloud_account.manage); three statements. */
export async function loadCloudAccountsPage(slug: string): Promise<{ ok: true; ctx: OrgContext; accounts: CloudAccountView[] } | Denied> {
  const access = await loadSettingsPage(slug, "cloud_account.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const [rows, used] = await Promise.all([listCloudAccounts(db, ctx.org.id), clustersByAccount(db, ctx.org.id)]);
  const clustersPath = `/orgs/${ctx.org.slug}/settings/clusters`;
  const accounts = rows.map((row): CloudAccountView => {
    const usedBy = used.filter((c) => c.cloudAccountId === row.id).map((c) => ({ id: c.id, name: c.name, href: `${clustersPath}/${c.id}/edit` }));
    const provider = row.provider as AccountProvider;
    return {
      id: row.id,
      name: row.name,
      provider,
      providerLabel: providerCatalog[provider].label,
      masked: maskedSecret(row.secretLast4),
      created: formatDateTime(row.createdAt),
      lastUsed: row.lastUsedAt ? formatDateTime(row.lastUsedAt) : "Never",
      rotated: row.rotatedAt ? formatDateTime(row.rotatedAt) : null,
      usedBy,
      ...(usedBy.length > 0 && {
        deleteDenied: `Used by ${usedBy.length === 1 ? "1 cluster" : `${usedBy.length} clusters`}: delete ${usedBy.length === 1 ? "it" : "them"} first.`,
      }),
    };
  });
  return { ok: true, ctx, accounts };
}

/** The "Add cloud account" page: who may add one. */
export async function loadNewCloudAccountPage(slug: string): Promise<{ ok: true; ctx: OrgContext } | Denied> {
  return loadSettingsPage(slug, "cloud_account.manage");
}
