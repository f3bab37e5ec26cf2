import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clusters, organizations } from "@/db/schema";
import type { CloudProvider, ClusterStatus } from "@/db/schema/values";
import { providerCatalog } from "@/lib/clusters/catalog";
import { buildKubeconfig } from "@/lib/clusters/kubeconfig";
import { seal } from "@/lib/crypto/sealed-box";

// The clusters page at scale: one organization with a fleet of clusters, inserted in one statement
// (rows shaped as the engine leaves them: settled states, a kubeconfig sealed for the running and
// stopped ones, one default). No jobs are queued: the bench server runs no job runner.

export type ClusterFleet = { slug: string; clusters: number; byStatus: Record<string, number>; defaultName: string };

const providers: Exclude<CloudProvider, "self_managed">[] = ["aws", "gcp", "azure", "scaleway"];

/** Cluster n of the fleet: mostly running, every 16th stopped, every 40th in error after an update. */
function statusOf(n: number): ClusterStatus {
  if (n % 40 === 0) return "error";
  if (n % 16 === 0) return "stopped";
  return "running";
}

const clusterName = (n: number) => `fleet-${String(n).padStart(3, "0")}`;

/** Adds `count` clusters to the organization `slug` (which must allow them: use Enterprise). */
export async function seedClusterFleet(db: Db, slug: string, total: number): Promise<ClusterFleet> {
  const [org] = await db.select({ id: organizations.id, plan: organizations.plan }).from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw new Error(`no organization ${slug}`);
  const rows = Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    const provider = providers[n % providers.length];
    const catalog = providerCatalog[provider];
    const status = statusOf(n);
    const name = clusterName(n);
    const region = catalog.regions[n % catalog.regions.length];
    const kubeconfig = buildKubeconfig({
      clusterName: name,
      server: `https://${name}.${region}.${provider}.k8s.local:6443`,
      token: `bench-token-${n}`,
      caData: Buffer.from(`bench-ca-${n}`).toString("base64"),
    });
    return {
      orgId: org.id,
      name,
      provider,
      region,
      kubernetesVersion: ["1.31", "1.32", "1.33"][n % 3],
      instanceType: catalog.instanceTypes[n % catalog.instanceTypes.length],
      minNodes: 1 + (n % 3),
      maxNodes: 3 + (n % 10),
      production: n % 4 === 0,
      status,
      statusReason: status === "error" ? "The cloud provider refused the node group change: quota exceeded." : null,
      failedAction: status === "error" ? ("update" as const) : null,
      isDefault: n === 1,
      kubeconfigSealed: seal(kubeconfig),
      // Oldest first, a minute apart, as if added over time.
      createdAt: sql`now() - make_interval(mins => ${total - n})`,
    };
  });
  await db.insert(clusters).values(rows);

  const counted = await db.select({ status: clusters.status, n: count() }).from(clusters).where(eq(clusters.orgId, org.id)).groupBy(clusters.status);
  const byStatus = Object.fromEntries(counted.map((row) => [row.status, row.n]));
  const clustersInOrg = counted.reduce((sum, row) => sum + row.n, 0);
  if (clustersInOrg !== total) throw new Error(`seeding clusters went wrong: ${clustersInOrg} in ${slug}, expected ${total}`);
  return { slug, clusters: clustersInOrg, byStatus, defaultName: clusterName(1) };
}
