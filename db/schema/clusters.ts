import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cloudAccounts } from "./cloud-accounts";
import { cloudProvider, clusterAction, clusterStatus, jobStatus } from "./enums";
import { organizations } from "./organizations";

export const clusters = pgTable(
  "clusters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    provider: cloudProvider("provider").notNull(),
    region: text("region").notNull(),
    kubernetesVersion: text("kubernetes_version").notNull(),
    instanceType: text("instance_type").notNull(),
    minNodes: integer("min_nodes").notNull(),
    maxNodes: integer("max_nodes").notNull(),
    production: boolean("production").notNull().default(false),
    status: clusterStatus("status").notNull(),
    // Why the last action failed, and which one, so "Retry" knows what to run again.
    statusReason: text("status_reason"),
    failedAction: clusterAction("failed_action"),
    isDefault: boolean("is_default").notNull().default(false),
    // AES-256-GCM sealed (lib/crypto/sealed-box.ts); never stored in clear.
    kubeconfigSealed: text("kubeconfig_sealed"),
    // The cloud account a managed cluster is installed with (none for a self-managed one).
    cloudAccountId: uuid("cloud_account_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("clusters_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    // At most one default cluster per organization.
    uniqueIndex("clusters_one_default_per_org").on(t.orgId).where(sql`${t.isDefault}`),
    check("clusters_node_bounds", sql`${t.minNodes} >= 1 and ${t.minNodes} <= ${t.maxNodes} and ${t.maxNodes} <= 200`),
    // Same organization, same provider; an account in use cannot be deleted (no action, so an
    // organization's deletion still cascades through both tables in one statement).
    foreignKey({ name: "clusters_cloud_account_fk", columns: [t.cloudAccountId, t.orgId, t.provider], foreignColumns: [cloudAccounts.id, cloudAccounts.orgId, cloudAccounts.provider] }),
    index("clusters_cloud_account_idx").on(t.cloudAccountId).where(sql`${t.cloudAccountId} is not null`),
  ],
);

/**
 * Durable work for the infrastructure engine: claimed with FOR UPDATE SKIP LOCKED, so two server
 * instances never run one job, and re-claimed when its runner stops sending heartbeats (a crash).
 */
export const clusterJobs = pgTable(
  "cluster_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    action: clusterAction("action").notNull(),
    status: jobStatus("status").notNull().default("queued"),
    payload: jsonb("payload"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("cluster_jobs_claimable_idx").on(t.status, t.runAfter).where(sql`${t.status} in ('queued', 'running')`),
    // One unfinished job per cluster: a cluster does one thing at a time.
    uniqueIndex("cluster_jobs_one_active_per_cluster").on(t.clusterId).where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type Cluster = typeof clusters.$inferSelect;
export type ClusterJob = typeof clusterJobs.$inferSelect;
