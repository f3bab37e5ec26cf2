import { and, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { cloudAccounts, type Cluster } from "@/db/schema";
import type { CloudProvider } from "@/db/schema/values";
import { providerCatalog, withArticle } from "@/lib/clusters/catalog";
import type { CloudCredentials } from "./credentials";
import { unsealCredentials } from "./sealing";

type AccountChoice = { ok: true; id: string | null; name: string | null } | { ok: false; message: string };

/**
 * The cloud account a new cluster is installed with: a managed cluster needs one of its own
 * organization and its own provider (the id comes from the form and is never trusted as is); a
 * self-managed cluster needs none.
 */
export async function accountForNewCluster(tx: Queryable, orgId: string, provider: CloudProvider, accountId: string): Promise<AccountChoice> {
  if (provider === "self_managed") return { ok: true, id: null, name: null };
  const label = providerCatalog[provider].label;
  if (!accountId) return { ok: false, message: `Choose the ${label} cloud account to install the cluster with.` };
  const [account] = /^[0-9a-f-]{36}$/i.test(accountId)
    ? await tx.select().from(cloudAccounts).where(and(eq(cloudAccounts.id, accountId), eq(cloudAccounts.orgId, orgId)))
    : [];
  if (!account) return { ok: false, message: "This cloud account does not exist in this organization (it may have been deleted)." };
  if (account.provider !== provider) {
    return { ok: false, message: `${account.name} is ${withArticle(providerCatalog[account.provider].label)} account: choose ${withArticle(label)} cloud account.` };
  }
  return { ok: true, id: account.id, name: account.name };
}

/**
 * The unsealed credentials the engine needs for a job on `cluster` (null for a self-managed one),
 * noting the account's "last used" time as they are handed over.
 */
export async function credentialsForJob(db: Db, cluster: Pick<Cluster, "orgId" | "cloudAccountId">): Promise<CloudCredentials | null> {
  if (!cluster.cloudAccountId) return null;
  const [account] = await db
    .update(cloudAccounts)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(cloudAccounts.id, cluster.cloudAccountId), eq(cloudAccounts.orgId, cluster.orgId)))
    .returning({ sealed: cloudAccounts.credentialsSealed });
  return account ? unsealCredentials(account.sealed) : null;
}
