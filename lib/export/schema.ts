import { z } from "zod";
import {
  auditOrigins,
  cloudProviders,
  clusterStatuses,
  databaseTypes,
  environmentModes,
  environmentStatuses,
  memberRoles,
  orgKinds,
  orgPlans,
} from "@/db/schema/values";
import { joinPolicies, joinRoles } from "@/lib/domains/schemas";

// The organization export's document, version 1 (docs/export-schema.md describes every key). Every
// object is strict: a key this schema does not name (a token hash, a sealed kubeconfig) fails the
// tests that validate real exports against it, so a secret cannot slip in by a wider SELECT.

export const exportSchemaVersion = 1;

const timestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = timestamp.nullable();
const id = z.string().min(1);

const person = z.strictObject({ id: id.nullable(), name: z.string().nullable(), email: z.string().nullable() });

export const exportedOrganization = z.strictObject({
  id,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  website: z.string(),
  adminContactEmails: z.array(z.string()),
  kind: z.enum(orgKinds),
  plan: z.enum(orgPlans),
  memberCount: z.number().int(),
  deletionRequestedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Owner-only (see the README's "Export"): who and where the organization is billed. */
export const exportedBillingDetails = z
  .strictObject({
    billingEmail: z.string(),
    companyName: z.string(),
    vatNumber: z.string().nullable(),
    addressLine1: z.string(),
    addressLine2: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
    updatedAt: timestamp,
  })
  .nullable();

export const exportedMember = z.strictObject({
  userId: id,
  name: z.string().nullable(),
  email: z.string(),
  role: z.enum(memberRoles),
  memberSince: timestamp,
  /** When the member last used the organization (to the hour); null when never seen since it was recorded. */
  lastActiveAt: nullableTimestamp,
});

export const exportedDomain = z.strictObject({
  id,
  domain: z.string(),
  verifiedAt: nullableTimestamp,
  policy: z.enum(joinPolicies),
  autoJoinRole: z.enum(joinRoles),
  createdAt: timestamp,
});

export const exportedJoinRequest = z.strictObject({
  id,
  person: person.nullable(),
  domain: z.string(),
  createdAt: timestamp,
});

export const exportedInvitation = z.strictObject({
  id,
  email: z.string(),
  role: z.enum(memberRoles),
  invitedBy: person.nullable(),
  expiresAt: timestamp,
  resentCount: z.number().int(),
  lastSentAt: timestamp,
  createdAt: timestamp,
});

export const exportedCluster = z.strictObject({
  id,
  name: z.string(),
  provider: z.enum(cloudProviders),
  region: z.string(),
  kubernetesVersion: z.string(),
  instanceType: z.string(),
  minNodes: z.number().int(),
  maxNodes: z.number().int(),
  production: z.boolean(),
  status: z.enum(clusterStatuses),
  statusReason: z.string().nullable(),
  isDefault: z.boolean(),
  cloudAccountId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exportedCloudAccount = z.strictObject({
  id,
  name: z.string(),
  provider: z.enum(cloudProviders),
  /** "…abcd": the last four characters of the secret, as the page shows them. */
  maskedSecret: z.string().regex(/^….{0,4}$/),
  createdAt: timestamp,
  rotatedAt: nullableTimestamp,
  lastUsedAt: nullableTimestamp,
});

export const exportedGit = z
  .strictObject({
    installationId: z.number().int(),
    accountLogin: z.string(),
    accountType: z.string(),
    repositorySelection: z.string(),
    suspendedAt: nullableTimestamp,
    deletedOnGithubAt: nullableTimestamp,
    installedBy: person.nullable(),
    repositoriesSyncedAt: nullableTimestamp,
    createdAt: timestamp,
    repositories: z.array(z.strictObject({ fullName: z.string(), private: z.boolean(), githubId: z.number().int() })),
  })
  .nullable();

const exportedApplication = z.strictObject({ id, name: z.string(), gitRepository: z.string(), branch: z.string(), createdAt: timestamp, updatedAt: timestamp });
const exportedDatabase = z.strictObject({ id, name: z.string(), type: z.enum(databaseTypes), version: z.string(), createdAt: timestamp, updatedAt: timestamp });

export const exportedProject = z.strictObject({
  id,
  name: z.string(),
  key: z.string(),
  createdBy: person.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deploymentRules: z.array(z.strictObject({ position: z.number().int(), pattern: z.string(), clusterId: id, mode: z.enum(environmentModes), createdAt: timestamp })),
  environments: z.array(
    z.strictObject({
      id,
      name: z.string(),
      mode: z.enum(environmentModes),
      status: z.enum(environmentStatuses),
      clusterId: id,
      automaticCluster: z.boolean(),
      createdAt: timestamp,
      updatedAt: timestamp,
      applications: z.array(exportedApplication),
      databases: z.array(exportedDatabase),
    }),
  ),
});

export const exportedAuditEvent = z.strictObject({
  id: z.number().int(),
  createdAt: timestamp,
  action: z.string(),
  description: z.string(),
  actor: z.strictObject({ id: id.nullable(), label: z.string() }),
  target: z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  origin: z.enum(auditOrigins),
  before: z.unknown(),
  after: z.unknown(),
  /** Present (true) when an admin's export left out the values (billing details). */
  redacted: z.literal(true).optional(),
});

export const organizationExportSchema = z.strictObject({
  schemaVersion: z.literal(exportSchemaVersion),
  exportedAt: timestamp,
  exportedBy: z.strictObject({ id, name: z.string().nullable(), email: z.string(), role: z.enum(memberRoles) }),
  /** "owner": everything but sealed and hashed values; "admin": that, without billing details. */
  scope: z.enum(["owner", "admin"]),
  organization: exportedOrganization,
  /** Only in the owner's export. */
  billingDetails: exportedBillingDetails.optional(),
  members: z.array(exportedMember),
  invitations: z.array(exportedInvitation),
  domains: z.array(exportedDomain),
  joinRequests: z.array(exportedJoinRequest),
  clusters: z.array(exportedCluster),
  cloudAccounts: z.array(exportedCloudAccount),
  git: exportedGit,
  projects: z.array(exportedProject),
  auditLog: z.array(exportedAuditEvent),
});

export type OrganizationExport = z.infer<typeof organizationExportSchema>;
export type ExportScope = OrganizationExport["scope"];
