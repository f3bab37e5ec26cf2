import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { clusters } from "@/db/schema";
import type { ClusterAction, ClusterStatus, CloudProvider } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { providerCatalog } from "@/lib/clusters/catalog";
import { cloudAccountChoices } from "@/lib/cloud-accounts/queries";
import { listClusters } from "@/lib/clusters/queries";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { mayBeDefault, requestRetry, requestTransition, statusLabels, transitioning } from "@/lib/clusters/state-machine";
import { deniedReason } from "@/lib/authz/permissions";
import { planTable } from "@/lib/orgs/plans";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

/** A cluster as the table shows it, with what the caller may do to it decided here. */
export type ClusterView = {
  id: string;
  name: string;
  providerLabel: string;
  region: string;
  kubernetesVersion: string;
  instanceType: string;
  minNodes: number;
  maxNodes: number;
  production: boolean;
  status: ClusterStatus;
  statusLabel: string;
  statusReason: string | null;
  failedAction: ClusterAction | null;
  isDefault: boolean;
  transitioning: boolean;
  /** Why each action is off for this cluster now (its state, or the caller's role); absent when it is allowed. */
  denied: Partial<Record<ClusterRowAction, string>>;
};

export type ClusterRowAction = "update" | "stop" | "start" | "delete" | "retry" | "setDefault" | "download";

export type ClusterUsage = { used: number; limit: number | null; planLabel: string };

type Denied = Extract<SettingsPageAccess, { ok: false }>;

export type ClustersPage = {
  ctx: OrgContext;
  clusters: ClusterView[];
  usage: ClusterUsage;
  /**
   * How many clusters may take over as default when the default one is deleted (the domain's
   * rule). Only the count: the Delete dialog fetches their names when it opens (clusterSuccessors),
   * so 200 clusters do not weigh on every view of the page.
   */
  successorCount: number;
  /** Whether any cluster is between two states: the page then refreshes itself. */
  live: boolean;
  /** The rows shown are one page of the list, so the page weighs the same at 200 clusters as at 25. */
  pagination: { page: number; pages: number };
};

export const clustersPageSize = 25;

const usageOf = (ctx: OrgContext, used: number): ClusterUsage => ({
  used,
  limit: planTable[ctx.org.plan].clusters,
  planLabel: planTable[ctx.org.plan].label,
});

/**
 * The clusters page in two SQL statements whatever the number of clusters: the org + membership
 * query (shared with the layout) and one list. Buttons follow the state machine, so the page never
 * offers what the server would refuse.
 */
export async function loadClustersPage(slug: string, requestedPage = 1): Promise<{ ok: true; page: ClustersPage } | Denied> {
  const access = await loadSettingsPage(slug, "cluster.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  const rows = await listClusters(await getDb(), ctx.org.id);
  const connectDenied = ctx.can("cluster.connect") ? undefined : deniedReason("cluster.connect");
  const views = rows.map((row): ClusterView => {
    // The state machine's own refusal, so the menu says what the server would answer.
    const refusal = (action: ClusterAction) => {
      const check = requestTransition(row.status, action);
      return check.ok ? undefined : check.message;
    };
    const retry = requestRetry(row.status, row.failedAction);
    return {
      id: row.id,
      name: row.name,
      providerLabel: providerCatalog[row.provider].label,
      region: row.region,
      kubernetesVersion: row.kubernetesVersion,
      instanceType: row.instanceType,
      minNodes: row.minNodes,
      maxNodes: row.maxNodes,
      production: row.production,
      status: row.status,
      statusLabel: statusLabels[row.status],
      statusReason: row.statusReason,
      failedAction: row.failedAction,
      isDefault: row.isDefault,
      transitioning: transitioning(row.status),
      denied: {
        update: refusal("update"),
        stop: refusal("stop"),
        start: refusal("start"),
        delete: refusal("delete"),
        retry: retry.ok ? undefined : retry.message,
        setDefault: row.isDefault
          ? "It is already the default cluster."
          : row.status === "running" || row.status === "stopped"
            ? undefined
            : "Only a running or stopped cluster can become the default.",
        download: connectDenied ?? (row.hasKubeconfig ? undefined : "The cluster has no kubeconfig yet."),
      },
    };
  });
  // The list itself is cheap (one statement, bounded by the plan); rendering every row is not.
  const pages = Math.max(1, Math.ceil(views.length / clustersPageSize));
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, pages) : 1;
  return {
    ok: true,
    page: {
      ctx,
      clusters: views.slice((page - 1) * clustersPageSize, page * clustersPageSize),
      usage: usageOf(ctx, rows.length),
      successorCount: rows.filter(isSuccessor).length,
      live: views.some((view) => view.transitioning),
      pagination: { page, pages },
    },
  };
}

type ListedCluster = Awaited<ReturnType<typeof listClusters>>[number];

const isSuccessor = (row: Pick<ListedCluster, "isDefault" | "status">) => !row.isDefault && mayBeDefault(row.status);

/**
 * The clusters that may take over as default (for the Delete dialog of the default cluster, which
 * asks for one): ids and names, in the page's order. The caller has checked the page's permission.
 */
export async function clusterSuccessors(db: Queryable, orgId: string): Promise<{ id: string; name: string }[]> {
  const rows = await listClusters(db, orgId);
  return rows.filter(isSuccessor).map((row) => ({ id: row.id, name: row.name }));
}

type CloudAccountChoice = { id: string; name: string; provider: CloudProvider };

/** The "Add cluster" page: who may add, how many clusters the plan still allows, and the cloud accounts to install with. */
export async function loadNewClusterPage(
  slug: string,
): Promise<{ ok: true; ctx: OrgContext; usage: ClusterUsage; accounts: CloudAccountChoice[] } | Denied> {
  const access = await loadSettingsPage(slug, "cluster.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const [[{ n }], accounts] = await Promise.all([
    db.select({ n: count() }).from(clusters).where(eq(clusters.orgId, ctx.org.id)),
    cloudAccountChoices(db, ctx.org.id),
  ]);
  return { ok: true, ctx, usage: usageOf(ctx, n), accounts };
}

export type ClusterSettingsView = {
  id: string;
  name: string;
  provider: CloudProvider;
  providerLabel: string;
  region: string;
  status: ClusterStatus;
  statusLabel: string;
  canUpdate: boolean;
  settings: { kubernetesVersion: string; instanceType: string; minNodes: number; maxNodes: number; production: boolean };
  instanceTypes: string[];
};

/**
 * One cluster's settings, looked up in the organization of the URL only: an id of another
 * organization's cluster (or not an id at all) is not found.
 */
export async function loadClusterSettingsPage(
  slug: string,
  clusterId: string,
): Promise<{ ok: true; ctx: OrgContext; cluster: ClusterSettingsView | null } | Denied> {
  const access = await loadSettingsPage(slug, "cluster.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  if (!clusterIdSchema.safeParse(clusterId).success) return { ok: true, ctx, cluster: null };
  const [row] = await (await getDb())
    .select()
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.orgId, ctx.org.id)));
  if (!row) return { ok: true, ctx, cluster: null };
  const catalog = providerCatalog[row.provider];
  return {
    ok: true,
    ctx,
    cluster: {
      id: row.id,
      name: row.name,
      provider: row.provider,
      providerLabel: catalog.label,
      region: row.region,
      status: row.status,
      statusLabel: statusLabels[row.status],
      canUpdate: requestTransition(row.status, "update").ok,
      settings: {
        kubernetesVersion: row.kubernetesVersion,
        instanceType: row.instanceType,
        minNodes: row.minNodes,
        maxNodes: row.maxNodes,
        production: row.production,
      },
      // The current type stays choosable even if the catalogue no longer lists it.
      instanceTypes: catalog.instanceTypes.includes(row.instanceType) ? [...catalog.instanceTypes] : [row.instanceType, ...catalog.instanceTypes],
    },
  };
}
