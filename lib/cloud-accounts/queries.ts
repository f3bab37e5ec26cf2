import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { cloudAccounts, clusters } from "@/db/schema";

/**
 * The organization's cloud accounts for the page: never the sealed credentials, only what the
 * table shows (the last four characters of the secret among them).
 */
export async function listCloudAccounts(db: Queryable, orgId: string) {
  return db
    .select({
      id: cloudAccounts.id,
      name: cloudAccounts.name,
      provider: cloudAccounts.provider,
      secretLast4: cloudAccounts.secretLast4,
      createdAt: cloudAccounts.createdAt,
      rotatedAt: cloudAccounts.rotatedAt,
      lastUsedAt: cloudAccounts.lastUsedAt,
    })
    .from(cloudAccounts)
    .where(eq(cloudAccounts.orgId, orgId))
    .orderBy(sql`lower(${cloudAccounts.name})`);
}

/** Which clusters use which account (each cluster uses at most one). */
export async function clustersByAccount(db: Queryable, orgId: string) {
  return db
    .select({ id: clusters.id, name: clusters.name, cloudAccountId: clusters.cloudAccountId })
    .from(clusters)
    .where(and(eq(clusters.orgId, orgId), isNotNull(clusters.cloudAccountId)))
    .orderBy(asc(clusters.name));
}

/** The accounts a new cluster may be installed with: ids, names and providers only. */
export async function cloudAccountChoices(db: Queryable, orgId: string) {
  return db
    .select({ id: cloudAccounts.id, name: cloudAccounts.name, provider: cloudAccounts.provider })
    .from(cloudAccounts)
    .where(eq(cloudAccounts.orgId, orgId))
    .orderBy(sql`lower(${cloudAccounts.name})`);
}
