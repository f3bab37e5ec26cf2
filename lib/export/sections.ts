import "server-only";
import { and, asc, eq, gt, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  applications,
  billingDetails,
  clusters,
  databases,
  deploymentRules,
  environments,
  gitInstallations,
  gitRepositories,
  invitations,
  joinRequests,
  memberships,
  orgDomains,
  projects,
  users,
} from "@/db/schema";
import { maskedSecret } from "@/lib/cloud-accounts/credentials";
import { listCloudAccounts } from "@/lib/cloud-accounts/queries";

// What the organization export reads, section by section, always scoped by the organization
// `authorize` resolved. Each SELECT names its columns: sealed kubeconfigs and credentials, token
// hashes and nonces are never read, so they cannot be written. Lists that grow with the
// organization come in keyset batches, read only when the stream needs them.

// A left join's person: drizzle answers null when nobody matched (the account was deleted).
type Person = { id: string; name: string | null; email: string } | null;
const personOrNull = (p: Person) => p ?? null;

/** Batches of `size` rows by ascending `key`, each read only when the consumer asks for it. */
export async function* keysetBatches<Row>(read: (after: string | null, size: number) => Promise<Row[]>, keyOf: (row: Row) => string, size: number): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

const afterKey = (column: Parameters<typeof gt>[0], after: string | null): SQL | undefined => (after === null ? undefined : gt(column, after));

export async function readBillingDetails(db: Queryable, orgId: string) {
  const [row] = await db
    .select({
      billingEmail: billingDetails.billingEmail,
      companyName: billingDetails.companyName,
      vatNumber: billingDetails.vatNumber,
      addressLine1: billingDetails.addressLine1,
      addressLine2: billingDetails.addressLine2,
      city: billingDetails.city,
      postalCode: billingDetails.postalCode,
      country: billingDetails.country,
      updatedAt: billingDetails.updatedAt,
    })
    .from(billingDetails)
    .where(eq(billingDetails.orgId, orgId));
  return row ?? null;
}

export function memberBatches(db: Queryable, orgId: string, size: number) {
  return keysetBatches(
    (after, limit) =>
      db
        .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, memberSince: memberships.createdAt, lastActiveAt: memberships.lastActiveAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, orgId), afterKey(memberships.userId, after)))
        .orderBy(asc(memberships.userId))
        .limit(limit),
    (row) => row.userId,
    size,
  );
}

/** Pending invitations only (accepted ones are members; the rest are history, in the audit log). */
export function invitationBatches(db: Queryable, orgId: string, size: number) {
  return keysetBatches(
    async (after, limit) => {
      const rows = await db
        .select({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          inviter: { id: users.id, name: users.name, email: users.email },
          expiresAt: invitations.expiresAt,
          resentCount: invitations.resentCount,
          lastSentAt: invitations.lastSentAt,
          createdAt: invitations.createdAt,
        })
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.invitedBy))
        .where(and(eq(invitations.orgId, orgId), eq(invitations.status, "pending"), afterKey(invitations.id, after)))
        .orderBy(asc(invitations.id))
        .limit(limit);
      return rows.map(({ inviter, ...row }) => ({ ...row, invitedBy: personOrNull(inviter) }));
    },
    (row) => row.id,
    size,
  );
}

/** The organization's domains, verified or not; the verification token (a nonce) stays out. */
export function readDomains(db: Queryable, orgId: string) {
  return db
    .select({
      id: orgDomains.id,
      domain: orgDomains.domain,
      verifiedAt: orgDomains.verifiedAt,
      policy: orgDomains.policy,
      autoJoinRole: orgDomains.autoJoinRole,
      createdAt: orgDomains.createdAt,
    })
    .from(orgDomains)
    .where(eq(orgDomains.orgId, orgId))
    .orderBy(asc(orgDomains.domain));
}

/** Pending requests to join only (answered ones are in the audit log). */
export function joinRequestBatches(db: Queryable, orgId: string, size: number) {
  return keysetBatches(
    async (after, limit) => {
      const rows = await db
        .select({
          id: joinRequests.id,
          requester: { id: users.id, name: users.name, email: users.email },
          domain: joinRequests.domain,
          createdAt: joinRequests.createdAt,
        })
        .from(joinRequests)
        .leftJoin(users, eq(users.id, joinRequests.userId))
        .where(and(eq(joinRequests.orgId, orgId), eq(joinRequests.status, "pending"), afterKey(joinRequests.id, after)))
        .orderBy(asc(joinRequests.id))
        .limit(limit);
      return rows.map(({ requester, ...row }) => ({ id: row.id, person: personOrNull(requester), domain: row.domain, createdAt: row.createdAt }));
    },
    (row) => row.id,
    size,
  );
}

export function readClusters(db: Queryable, orgId: string) {
  return db
    .select({
      id: clusters.id,
      name: clusters.name,
      provider: clusters.provider,
      region: clusters.region,
      kubernetesVersion: clusters.kubernetesVersion,
      instanceType: clusters.instanceType,
      minNodes: clusters.minNodes,
      maxNodes: clusters.maxNodes,
      production: clusters.production,
      status: clusters.status,
      statusReason: clusters.statusReason,
      isDefault: clusters.isDefault,
      cloudAccountId: clusters.cloudAccountId,
      createdAt: clusters.createdAt,
      updatedAt: clusters.updatedAt,
    })
    .from(clusters)
    .where(eq(clusters.orgId, orgId))
    .orderBy(asc(clusters.createdAt), asc(clusters.id));
}

/** The Cloud accounts page's own read (never the sealed credentials), with the secret masked. */
export async function readCloudAccounts(db: Queryable, orgId: string) {
  const rows = await listCloudAccounts(db, orgId);
  return rows.map(({ secretLast4, ...row }) => ({ ...row, maskedSecret: maskedSecret(secretLast4) }));
}

/** The GitHub App installation (at most one) with the repositories it grants, or null. */
export async function readGitConnection(db: Queryable, orgId: string) {
  const [row] = await db
    .select({
      rowId: gitInstallations.id,
      installationId: gitInstallations.installationId,
      accountLogin: gitInstallations.accountLogin,
      accountType: gitInstallations.accountType,
      repositorySelection: gitInstallations.repositorySelection,
      suspendedAt: gitInstallations.suspendedAt,
      deletedOnGithubAt: gitInstallations.deletedOnGithubAt,
      installer: { id: users.id, name: users.name, email: users.email },
      repositoriesSyncedAt: gitInstallations.repositoriesSyncedAt,
      createdAt: gitInstallations.createdAt,
    })
    .from(gitInstallations)
    .leftJoin(users, eq(users.id, gitInstallations.installedBy))
    .where(eq(gitInstallations.orgId, orgId));
  if (!row) return null;
  const { rowId, installer, ...installation } = row;
  const repositories = await db
    .select({ fullName: gitRepositories.fullName, private: gitRepositories.private, githubId: gitRepositories.githubId })
    .from(gitRepositories)
    .where(and(eq(gitRepositories.orgId, orgId), eq(gitRepositories.installationRowId, rowId)))
    .orderBy(asc(gitRepositories.fullName));
  return { ...installation, installedBy: personOrNull(installer), repositories };
}

const creator = alias(users, "creator");

/** Projects a batch at a time, each with its deployment rules and environments (apps, databases). */
export function projectBatches(db: Queryable, orgId: string, size: number) {
  return keysetBatches(
    async (after, limit) => {
      const rows = await db
        .select({
          id: projects.id,
          name: projects.name,
          key: projects.key,
          author: { id: creator.id, name: creator.name, email: creator.email },
          createdAt: projects.createdAt,
          updatedAt: projects.updatedAt,
        })
        .from(projects)
        .leftJoin(creator, eq(creator.id, projects.createdBy))
        .where(and(eq(projects.orgId, orgId), afterKey(projects.id, after)))
        .orderBy(asc(projects.id))
        .limit(limit);
      return rows.length === 0 ? [] : withContents(db, orgId, rows);
    },
    (row) => row.id,
    size,
  );
}

type ProjectRow = { id: string; author: Person };

async function withContents<P extends ProjectRow>(db: Queryable, orgId: string, rows: P[]) {
  const projectIds = rows.map((row) => row.id);
  const [rules, envs] = await Promise.all([
    db
      .select({ projectId: deploymentRules.projectId, position: deploymentRules.position, pattern: deploymentRules.pattern, clusterId: deploymentRules.clusterId, mode: deploymentRules.mode, createdAt: deploymentRules.createdAt })
      .from(deploymentRules)
      .where(and(eq(deploymentRules.orgId, orgId), inArray(deploymentRules.projectId, projectIds)))
      .orderBy(asc(deploymentRules.position)),
    db
      .select({
        projectId: environments.projectId,
        id: environments.id,
        name: environments.name,
        mode: environments.mode,
        status: environments.status,
        clusterId: environments.clusterId,
        automaticCluster: environments.automaticCluster,
        createdAt: environments.createdAt,
        updatedAt: environments.updatedAt,
      })
      .from(environments)
      .where(and(eq(environments.orgId, orgId), inArray(environments.projectId, projectIds)))
      .orderBy(asc(environments.createdAt), asc(environments.id)),
  ]);
  const envIds = envs.map((env) => env.id);
  const [apps, dbs] =
    envIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ environmentId: applications.environmentId, id: applications.id, name: applications.name, gitRepository: applications.gitRepository, branch: applications.branch, createdAt: applications.createdAt, updatedAt: applications.updatedAt })
            .from(applications)
            .where(and(eq(applications.orgId, orgId), inArray(applications.environmentId, envIds)))
            .orderBy(asc(applications.createdAt), asc(applications.id)),
          db
            .select({ environmentId: databases.environmentId, id: databases.id, name: databases.name, type: databases.type, version: databases.version, createdAt: databases.createdAt, updatedAt: databases.updatedAt })
            .from(databases)
            .where(and(eq(databases.orgId, orgId), inArray(databases.environmentId, envIds)))
            .orderBy(asc(databases.createdAt), asc(databases.id)),
        ]);
  const within = <T extends Record<K, string>, K extends string>(list: T[], key: K, value: string) =>
    list.filter((item) => item[key] === value).map(({ [key]: _omitted, ...rest }) => rest);
  return rows.map(({ author, ...project }) => ({
    ...project,
    createdBy: personOrNull(author),
    deploymentRules: within(rules, "projectId", project.id),
    environments: within(envs, "projectId", project.id).map((env) => ({
      ...env,
      applications: within(apps, "environmentId", env.id),
      databases: within(dbs, "environmentId", env.id),
    })),
  }));
}
