import type { PageResult } from "./report";
import type { ClusterFleet } from "./seed-clusters";

/** The clusters page's share of the bench: the 200-cluster organization, and a 2-cluster one for comparison. */
export const clusterScale = { fleet: 200, small: 2 } as const;

// Besides the org + membership query every settings page makes, the page reads the list in one
// statement (lib/pages/clusters-page.ts), whatever the number of clusters.
export const clustersStatementTarget = 2;

export const clustersPath = (slug: string) => `/orgs/${slug}/settings/clusters`;

/** Cluster rows in the page's HTML (its table rows carry data-testid="cluster-row"). */
function listedClusters(html: string, total: number): PageResult["listed"] {
  return { shown: html.split('data-testid="cluster-row"').length - 1, total };
}

type Viewer = { name: string; cookie: string };

/** Page specs in bench/run.ts's shape: every cluster listed, the default's name shown. */
export function clusterPageSpecs(fleet: ClusterFleet, small: ClusterFleet, viewers: { bench: Viewer; small: Viewer }) {
  const spec = (key: string, label: string, of: ClusterFleet, viewer: Viewer) => ({
    key,
    label,
    path: clustersPath(of.slug),
    viewer: viewer.name,
    cookie: viewer.cookie,
    expect: "Add cluster",
    statementTarget: clustersStatementTarget,
    alsoExpect: { text: of.defaultName, rows: of.clusters },
    listed: (html: string) => listedClusters(html, of.clusters),
  });
  return {
    scale: spec("fleet-clusters", `${fleet.clusters}-cluster org Clusters`, fleet, viewers.bench),
    small: spec("small-clusters", `${small.clusters}-cluster org Clusters`, small, viewers.small),
  };
}
