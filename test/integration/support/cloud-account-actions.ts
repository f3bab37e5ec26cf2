import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, cloudAccounts, clusters, type Organization, type User } from "@/db/schema";
import type { OrgActionSpec } from "@/lib/actions/define";
import { type HandlerResult, runOrgAction } from "@/lib/actions/run-action";
import * as specs from "@/lib/cloud-accounts/actions";
import type { CloudCredentials } from "@/lib/cloud-accounts/credentials";

// The Cloud accounts page's own actions (lib/cloud-accounts/actions.ts) by a short name, run
// through the door every server action goes through (runOrgAction).

export const cloudAccountActions = { add: specs.addCloudAccount, rename: specs.renameCloudAccount, rotate: specs.rotateCloudAccount, delete: specs.deleteCloudAccount };
export type CloudAccountActionName = keyof typeof cloudAccountActions;

export function actOnCloudAccount(
  db: Db,
  name: CloudAccountActionName,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string>,
): Promise<HandlerResult> {
  return runOrgAction(cloudAccountActions[name] as OrgActionSpec<z.ZodType>, { db, userId: user?.id ?? null, slug: org.slug, input });
}

/** Credentials as the form posts them (AWS says which method). */
export function credentialsForm(credentials: CloudCredentials): Record<string, string> {
  if (credentials.provider === "aws") return { ...credentials, awsAuth: "secretAccessKey" in credentials ? "keys" : "role" };
  return { ...credentials };
}

/** Every row a cloud account change may touch, in a stable order. */
export async function snapshotCloudAccounts(db: Queryable, orgId: string) {
  const accounts = await db.select().from(cloudAccounts).where(eq(cloudAccounts.orgId, orgId)).orderBy(asc(cloudAccounts.id));
  const clusterRows = await db.select().from(clusters).where(eq(clusters.orgId, orgId)).orderBy(asc(clusters.id));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  return { accounts, clusters: clusterRows, audit };
}
