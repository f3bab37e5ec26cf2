import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

// Sealing needs a key; lib/env.ts reads it when first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
});

const { cloudAccounts, clusters } = await import("@/db/schema");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCloudAccount, sampleCredentials } = await import("@/lib/factories/cloud-accounts");
const { makeCluster } = await import("@/lib/factories/clusters");
const { unsealCredentials } = await import("@/lib/cloud-accounts/sealing");
const { actOnCloudAccount, credentialsForm, snapshotCloudAccounts } = await import("./support/cloud-account-actions");
const { actOnCluster, newClusterForm, runQueuedJobs } = await import("./support/cluster-actions");
const { rejection } = await import("./support/snapshot");
const { useTestDatabase } = await import("./support/test-database");
type ClusterSpec = import("@/lib/clusters/engine/types").ClusterSpec;
type CloudCredentials = import("@/lib/cloud-accounts/credentials").CloudCredentials;

// Issue 15, cloud accounts: validation through the door, sealing at rest, masking, rotation in
// place, the deletion rule, organization isolation, the Add cluster choice and the engine's
// credentials. Every secret is checked to be absent from the row's clear columns and the audit log.

const t = useTestDatabase();

const awsKeys = { provider: "aws", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } as const;

async function accountNamed(orgId: string, name: string) {
  const [row] = await t.db.select().from(cloudAccounts).where(and(eq(cloudAccounts.orgId, orgId), eq(cloudAccounts.name, name)));
  return row;
}

describe("adding an account", () => {
  it("seals the credentials, keeps the last four characters in clear, and audits without the secret", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const result = await actOnCloudAccount(t.db, "add", users.admin, org, { name: "Production", ...credentialsForm(awsKeys) });
    expect(result).toMatchObject({ ok: true, message: "AWS cloud account Production added.", redirectTo: `/orgs/${org.slug}/settings/cloud-accounts` });

    const row = await accountNamed(org.id, "Production");
    expect(row).toMatchObject({ provider: "aws", secretLast4: "EKEY", lastUsedAt: null, rotatedAt: null });
    expect(row.credentialsSealed).not.toContain(awsKeys.secretAccessKey);
    expect(row.credentialsSealed).not.toContain(awsKeys.accessKeyId);
    expect(row.credentialsSealed).toMatch(/^v1:/);
    expect(unsealCredentials(row.credentialsSealed)).toEqual(awsKeys);

    const { audit } = await snapshotCloudAccounts(t.db, org.id);
    expect(audit.at(-1)).toMatchObject({ action: "cloud_account.create", targetId: row.id, after: { provider: "aws", method: "access keys", credential: "…EKEY" } });
    expect(JSON.stringify(audit)).not.toContain(awsKeys.secretAccessKey);
  });

  it("answers bad fields next to them, writes nothing and never sends a secret back", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotCloudAccounts(t.db, org.id);
    const result = await actOnCloudAccount(t.db, "add", users.admin, org, { name: "", provider: "azure", tenantId: "nope", clientId: "x", clientSecret: "very-secret-value", subscriptionId: "" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: "Enter a name for the cloud account.", tenantId: expect.stringContaining("UUID"), clientId: expect.stringContaining("UUID"), subscriptionId: "Enter the subscription ID." },
      values: { tenantId: "nope", provider: "azure" },
    });
    expect(JSON.stringify(result)).not.toContain("very-secret-value");
    expect(await snapshotCloudAccounts(t.db, org.id)).toEqual(before);
  });

  it("takes hostile input without a 500: control characters, a megabyte of key, a taken name", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const form = new FormData();
    for (const [key, value] of Object.entries({ name: "Ops\u0000\u0007 EU", ...credentialsForm(sampleCredentials("scaleway")) })) form.set(key, value);
    const { runOrgAction } = await import("@/lib/actions/run-action");
    const { addCloudAccount } = await import("@/lib/cloud-accounts/actions");
    expect(await runOrgAction(addCloudAccount, { db: t.db, userId: users.owner.id, slug: org.slug, input: form })).toMatchObject({ ok: true });
    expect(await accountNamed(org.id, "Ops EU")).toBeDefined();

    const huge = await actOnCloudAccount(t.db, "add", users.owner, org, { name: "Big", provider: "gcp", serviceAccountKey: `{"type":"service_account","x":"${"a".repeat(1_000_000)}"}` });
    expect(huge).toMatchObject({ ok: false, fieldErrors: { serviceAccountKey: "A service account key is at most 16 KB." } });
    expect(JSON.stringify(huge).length).toBeLessThan(10_000);

    expect(await actOnCloudAccount(t.db, "add", users.owner, org, { name: "ops eu", ...credentialsForm(sampleCredentials("aws")) })).toMatchObject({
      ok: false,
      fieldErrors: { name: "Another cloud account of this organization has this name." },
    });
  });
});

describe("rename, rotate and delete", () => {
  it("rotation replaces the sealed secret in place: same id, clusters keep pointing at it", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const account = await makeCloudAccount(t.db, org, { name: "main", credentials: awsKeys });
    const cluster = await makeCluster(t.db, org, { cloudAccountId: account.id });
    const next = { provider: "aws", roleArn: "arn:aws:iam::123456789012:role/console", externalId: "external-7f3a" } as const;

    expect(await actOnCloudAccount(t.db, "rotate", users.admin, org, { cloudAccountId: account.id, ...credentialsForm(next) })).toMatchObject({
      ok: true,
      message: "The credentials of main were rotated.",
    });
    const row = await accountNamed(org.id, "main");
    expect(row.id).toBe(account.id);
    expect(row).toMatchObject({ secretLast4: "7f3a", rotatedAt: expect.any(Date) });
    expect(unsealCredentials(row.credentialsSealed)).toEqual(next);
    expect(row.credentialsSealed).not.toContain("external-7f3a");
    const [stillUsing] = await t.db.select().from(clusters).where(eq(clusters.id, cluster.id));
    expect(stillUsing.cloudAccountId).toBe(account.id);

    const { audit } = await snapshotCloudAccounts(t.db, org.id);
    expect(audit.at(-1)).toMatchObject({ action: "cloud_account.rotate", before: { credential: "…EKEY" }, after: { method: "role", credential: "…7f3a" } });
    expect(JSON.stringify(audit)).not.toContain("external-7f3a");
    expect(JSON.stringify(audit)).not.toContain(awsKeys.secretAccessKey);

    // Another provider's credentials are refused: the account's provider does not change.
    const refused = await actOnCloudAccount(t.db, "rotate", users.admin, org, { cloudAccountId: account.id, ...credentialsForm(sampleCredentials("gcp")) });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { provider: "main is an AWS account: enter AWS credentials." } });
    expect(JSON.stringify(refused)).not.toContain("PRIVATE KEY");
  });

  it("an account that clusters use cannot be deleted: the refusal names them", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const account = await makeCloudAccount(t.db, org, { name: "shared" });
    const a = await makeCluster(t.db, org, { name: "alpha", cloudAccountId: account.id });
    await makeCluster(t.db, org, { name: "beta", cloudAccountId: account.id });
    const before = await snapshotCloudAccounts(t.db, org.id);
    expect(await actOnCloudAccount(t.db, "delete", users.owner, org, { cloudAccountId: account.id })).toStrictEqual({
      ok: false,
      formError: "shared cannot be deleted: clusters alpha and beta use it. Delete those clusters first.",
      values: { cloudAccountId: account.id },
    });
    expect(await snapshotCloudAccounts(t.db, org.id)).toEqual(before);
    // The database refuses it too, whatever the code does.
    expect((await rejection(t.db.delete(cloudAccounts).where(eq(cloudAccounts.id, account.id)))).code).toBe("23503");

    await t.db.delete(clusters).where(eq(clusters.orgId, org.id));
    expect(await actOnCloudAccount(t.db, "delete", users.owner, org, { cloudAccountId: account.id })).toMatchObject({ ok: true });
    expect(await accountNamed(org.id, "shared")).toBeUndefined();
    void a;
  });

  it("an organization's deletion takes its accounts with the clusters that use them", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const account = await makeCloudAccount(t.db, org);
    await makeCluster(t.db, org, { cloudAccountId: account.id });
    const { organizations } = await import("@/db/schema");
    await t.db.delete(organizations).where(eq(organizations.id, org.id));
    expect(await t.db.select().from(cloudAccounts).where(eq(cloudAccounts.orgId, org.id))).toEqual([]);
  });

  it("another organization's account id matches nothing", async () => {
    const mine = await makeOrgWithEveryRole(t.db);
    const theirs = await makeOrgWithEveryRole(t.db);
    const foreign = await makeCloudAccount(t.db, theirs.org, { name: "theirs" });
    const before = await snapshotCloudAccounts(t.db, theirs.org.id);
    const gone = "This cloud account does not exist in this organization (it may have been deleted).";
    for (const [name, input] of [
      ["rename", { cloudAccountId: foreign.id, name: "stolen" }],
      ["rotate", { cloudAccountId: foreign.id, ...credentialsForm(sampleCredentials("aws")) }],
      ["delete", { cloudAccountId: foreign.id }],
    ] as const) {
      expect(await actOnCloudAccount(t.db, name, mine.users.owner, mine.org, input), name).toMatchObject({ ok: false, formError: gone });
    }
    expect(await actOnCloudAccount(t.db, "rename", mine.users.owner, mine.org, { cloudAccountId: "not-a-uuid", name: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { cloudAccountId: "Unknown cloud account." },
    });
    expect(await snapshotCloudAccounts(t.db, theirs.org.id)).toEqual(before);
  });
});

describe("adding a managed cluster", () => {
  it("needs an account of the same organization and provider; a self-managed cluster needs none", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const other = await makeOrgWithEveryRole(t.db);
    const aws = await makeCloudAccount(t.db, org, { name: "aws-main", provider: "aws" });
    const gcp = await makeCloudAccount(t.db, org, { name: "gcp-main", provider: "gcp" });
    const foreign = await makeCloudAccount(t.db, other.org, { name: "foreign", provider: "aws" });
    const create = (fields: Record<string, string>) => actOnCluster(t.db, "create", users.admin, org, newClusterForm(fields));

    expect(await create({ cloudAccountId: "" })).toMatchObject({ ok: false, fieldErrors: { cloudAccountId: "Choose the AWS cloud account to install the cluster with." } });
    expect(await create({ cloudAccountId: foreign.id })).toMatchObject({
      ok: false,
      fieldErrors: { cloudAccountId: "This cloud account does not exist in this organization (it may have been deleted)." },
    });
    expect(await create({ cloudAccountId: gcp.id })).toMatchObject({ ok: false, fieldErrors: { cloudAccountId: "gcp-main is a GCP account: choose an AWS cloud account." } });
    expect(await t.db.select().from(clusters).where(eq(clusters.orgId, org.id))).toEqual([]);

    expect(await create({ name: "prod", cloudAccountId: aws.id })).toMatchObject({ ok: true });
    const [prod] = await t.db.select().from(clusters).where(eq(clusters.orgId, org.id));
    expect(prod).toMatchObject({ name: "prod", cloudAccountId: aws.id });

    const kubeconfig = "apiVersion: v1\nclusters: [{ name: a }]\ncontexts: [{ name: a }]\nusers: [{ name: a }]\n";
    expect(await create({ name: "onprem", provider: "self_managed", region: "on-premises", instanceType: "managed-elsewhere", kubeconfig, cloudAccountId: aws.id })).toMatchObject({ ok: true });
    const [onprem] = await t.db.select().from(clusters).where(and(eq(clusters.orgId, org.id), eq(clusters.name, "onprem")));
    expect(onprem.cloudAccountId).toBeNull();

    // The database keeps organization and provider together whatever the code does.
    expect((await rejection(makeCluster(t.db, org, { cloudAccountId: foreign.id }))).code).toBe("23503");
    expect((await rejection(makeCluster(t.db, org, { provider: "azure", cloudAccountId: aws.id }))).code).toBe("23503");
  });

  it("the engine receives the unsealed credentials, and the account's last use is noted", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const account = await makeCloudAccount(t.db, org, { name: "eng", credentials: awsKeys });
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "engined", cloudAccountId: account.id }))).toMatchObject({ ok: true });
    const [cluster] = await t.db.select().from(clusters).where(eq(clusters.orgId, org.id));
    const seen: (CloudCredentials | null)[] = [];
    const engine = {
      name: "recording",
      perform: async (_action: string, spec: ClusterSpec) => {
        if (spec.id === cluster.id) seen.push(spec.credentials);
        return {};
      },
    };

    // Runs every queued job of this file's database (earlier tests queued some of their own).
    await runQueuedJobs(t.db, engine);
    expect(seen).toEqual([awsKeys]);
    const used = await accountNamed(org.id, "eng");
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    // A rotation applies to the next job, with no change to the cluster.
    const next = sampleCredentials("aws");
    expect(await actOnCloudAccount(t.db, "rotate", users.admin, org, { cloudAccountId: account.id, ...credentialsForm(next) })).toMatchObject({ ok: true });
    expect(await actOnCluster(t.db, "stop", users.admin, org, { clusterId: cluster.id, confirmName: cluster.name })).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, engine);
    expect(seen).toEqual([awsKeys, next]);
  });
});
