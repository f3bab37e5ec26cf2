import { randomBytes, randomUUID } from "node:crypto";
import type { Queryable } from "@/db/client";
import { cloudAccounts, type CloudAccount, type Organization } from "@/db/schema";
import type { AccountProvider, CloudCredentials } from "@/lib/cloud-accounts/credentials";
import { sealCredentials } from "@/lib/cloud-accounts/sealing";
import { uniqueTag } from "./index";

const upper = (n: number) => randomBytes(n).toString("hex").toUpperCase().slice(0, n);

/** Well-formed credentials of a provider, different every call (nothing real: no cloud is reached). */
export function sampleCredentials(provider: AccountProvider): CloudCredentials {
  switch (provider) {
    case "aws":
      return { provider, accessKeyId: `AKIA${upper(16)}`, secretAccessKey: randomBytes(30).toString("base64") };
    case "gcp": {
      const projectId = `project-${uniqueTag()}`;
      const clientEmail = `console@${projectId}.iam.gserviceaccount.com`;
      const key = {
        type: "service_account",
        project_id: projectId,
        private_key_id: randomBytes(20).toString("hex"),
        private_key: `-----BEGIN PRIVATE KEY-----\n${randomBytes(48).toString("base64")}\n-----END PRIVATE KEY-----\n`,
        client_email: clientEmail,
      };
      return { provider, serviceAccountKey: JSON.stringify(key), projectId, clientEmail };
    }
    case "azure":
      return { provider, tenantId: randomUUID(), clientId: randomUUID(), clientSecret: randomBytes(24).toString("base64url"), subscriptionId: randomUUID() };
    case "scaleway":
      return { provider, accessKey: `SCW${upper(17)}`, secretKey: randomUUID(), projectId: randomUUID() };
  }
}

/**
 * A cloud account row with sealed credentials, as adding one would leave it (no audit event: to
 * exercise the action, go through addCloudAccount).
 */
export async function makeCloudAccount(
  db: Queryable,
  org: Pick<Organization, "id">,
  fields: { name?: string; provider?: AccountProvider; credentials?: CloudCredentials } = {},
): Promise<CloudAccount> {
  const credentials = fields.credentials ?? sampleCredentials(fields.provider ?? "aws");
  const [account] = await db
    .insert(cloudAccounts)
    .values({ orgId: org.id, name: fields.name ?? `account-${uniqueTag()}`, provider: credentials.provider, ...sealCredentials(credentials) })
    .returning();
  return account;
}
