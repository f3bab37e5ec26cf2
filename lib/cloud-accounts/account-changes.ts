import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { cloudAccounts, clusters, type CloudAccount } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { providerCatalog, withArticle } from "@/lib/clusters/catalog";
import { listOf } from "@/lib/audit/wording";
import { type CloudCredentials, maskedSecret } from "./credentials";
import { sealCredentials } from "./sealing";

// Every change of a cloud account runs under the organization's lock with its audit event. The
// events name the provider and the masked secret ("…abcd"), never the secret itself.

const fail = (formError: string): ActionResult => ({ ok: false, formError });
const unknownAccount = "This cloud account does not exist in this organization (it may have been deleted).";
const takenName = { ok: false, fieldErrors: { name: "Another cloud account of this organization has this name." } } as const;
const permission = "cloud_account.manage";

/** Scoped by the organization `authorize` resolved from the URL: another organization's id matches nothing. */
export async function findCloudAccount(tx: Queryable, orgId: string, id: string): Promise<CloudAccount | null> {
  const [row] = await tx.select().from(cloudAccounts).where(and(eq(cloudAccounts.id, id), eq(cloudAccounts.orgId, orgId)));
  return row ?? null;
}

/** The clusters installed with an account (in the organization), which keep it from being deleted. */
export async function clustersUsing(tx: Queryable, orgId: string, accountId: string) {
  return tx
    .select({ id: clusters.id, name: clusters.name })
    .from(clusters)
    .where(and(eq(clusters.orgId, orgId), eq(clusters.cloudAccountId, accountId)))
    .orderBy(asc(clusters.name));
}

const method = (credentials: CloudCredentials) => (credentials.provider === "aws" ? { method: "secretAccessKey" in credentials ? "access keys" : "role" } : {});

export async function addCloudAccount(db: Queryable, ctx: OrgContext, input: { name: string; credentials: CloudCredentials }): Promise<ActionResult> {
  const sealed = sealCredentials(input.credentials);
  const provider = input.credentials.provider;
  try {
    return await orgTransaction(db, ctx, permission, async (tx) => {
      const [account] = await tx.insert(cloudAccounts).values({ orgId: ctx.org.id, name: input.name, provider, ...sealed }).returning();
      await recordAudit(tx, ctx, {
        action: "cloud_account.create",
        targetType: "cloud_account",
        targetId: account.id,
        targetLabel: account.name,
        after: { provider, ...method(input.credentials), credential: maskedSecret(sealed.secretLast4) },
      });
      return { ok: true, message: `${providerCatalog[provider].label} cloud account ${account.name} added.` };
    });
  } catch (error) {
    if (isUniqueViolation(error, "cloud_accounts_org_name_key")) return takenName;
    throw error;
  }
}

export async function renameCloudAccount(db: Queryable, ctx: OrgContext, input: { cloudAccountId: string; name: string }): Promise<ActionResult> {
  try {
    return await orgTransaction(db, ctx, permission, async (tx) => {
      const account = await findCloudAccount(tx, ctx.org.id, input.cloudAccountId);
      if (!account) return fail(unknownAccount);
      if (account.name === input.name) return { ok: true, message: "Nothing to change: the name is the same." };
      await tx.update(cloudAccounts).set({ name: input.name, updatedAt: new Date() }).where(eq(cloudAccounts.id, account.id));
      await recordAudit(tx, ctx, {
        action: "cloud_account.rename",
        targetType: "cloud_account",
        targetId: account.id,
        targetLabel: input.name,
        before: { name: account.name },
        after: { name: input.name },
      });
      return { ok: true, message: `${account.name} is now named ${input.name}.` };
    });
  } catch (error) {
    if (isUniqueViolation(error, "cloud_accounts_org_name_key")) return takenName;
    throw error;
  }
}

/**
 * New credentials replace the sealed ones in one UPDATE: the account keeps its id, so the clusters
 * installed with it use the new credentials at their next job, with no gap.
 */
export async function rotateCloudAccount(db: Queryable, ctx: OrgContext, input: { cloudAccountId: string; credentials: CloudCredentials }): Promise<ActionResult> {
  const sealed = sealCredentials(input.credentials);
  return orgTransaction(db, ctx, permission, async (tx) => {
    const account = await findCloudAccount(tx, ctx.org.id, input.cloudAccountId);
    if (!account) return fail(unknownAccount);
    if (account.provider !== input.credentials.provider) {
      return { ok: false, fieldErrors: { provider: `${account.name} is ${withArticle(providerCatalog[account.provider].label)} account: enter ${providerCatalog[account.provider].label} credentials.` } };
    }
    const now = new Date();
    await tx.update(cloudAccounts).set({ ...sealed, rotatedAt: now, updatedAt: now }).where(eq(cloudAccounts.id, account.id));
    await recordAudit(tx, ctx, {
      action: "cloud_account.rotate",
      targetType: "cloud_account",
      targetId: account.id,
      targetLabel: account.name,
      before: { credential: maskedSecret(account.secretLast4) },
      after: { ...method(input.credentials), credential: maskedSecret(sealed.secretLast4) },
    });
    return { ok: true, message: `The credentials of ${account.name} were rotated.` };
  });
}

/** Deletes an account no cluster uses; the refusal names the clusters that do. */
export async function deleteCloudAccount(db: Queryable, ctx: OrgContext, input: { cloudAccountId: string }): Promise<ActionResult> {
  return orgTransaction(db, ctx, permission, async (tx) => {
    const account = await findCloudAccount(tx, ctx.org.id, input.cloudAccountId);
    if (!account) return fail(unknownAccount);
    // Cluster creation takes this same lock, so no cluster can start using it after this check.
    const users = await clustersUsing(tx, ctx.org.id, account.id);
    if (users.length > 0) return fail(inUseMessage(account.name, users.map((c) => c.name)));
    await tx.delete(cloudAccounts).where(eq(cloudAccounts.id, account.id));
    await recordAudit(tx, ctx, {
      action: "cloud_account.delete",
      targetType: "cloud_account",
      targetId: account.id,
      targetLabel: account.name,
      before: { provider: account.provider, credential: maskedSecret(account.secretLast4) },
    });
    return { ok: true, message: `Cloud account ${account.name} deleted.` };
  });
}

export function inUseMessage(accountName: string, clusterNames: string[]): string {
  const which = `cluster${clusterNames.length === 1 ? "" : "s"} ${listOf(clusterNames)}`;
  return `${accountName} cannot be deleted: ${which} ${clusterNames.length === 1 ? "uses" : "use"} it. Delete ${clusterNames.length === 1 ? "that cluster" : "those clusters"} first.`;
}
