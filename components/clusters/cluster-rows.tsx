"use client";

import { Badge } from "@/components/ui/badge";
import type { ClusterStatus } from "@/db/schema/values";
import { ClusterRowControls, type MenuAction } from "./cluster-row-controls";
import { StatusBadge } from "./status-badge";

/**
 * One cluster as its row needs it, and no more: the page sends this array once (RSC payload) and
 * the rows render from it, instead of the server sending every row's markup a second time. Keys
 * are absent rather than undefined (an undefined value still costs bytes in the payload).
 */
export type ClusterRowData = {
  id: string;
  name: string;
  isDefault?: true;
  production?: true;
  /** "GCP · us-east1". */
  where: string;
  kubernetesVersion: string;
  instanceType: string;
  minNodes: number;
  maxNodes: number;
  status: ClusterStatus;
  statusLabel: string;
  transitioning?: true;
  /** "The update failed: …", for a cluster in error. */
  error?: string;
  /** The one button beside the menu: Start for a stopped cluster, Retry for one in error. */
  primary?: "start" | "retry";
  /** Whether Stop belongs in the menu (not for a stopped cluster, whose way forward is Start). */
  stoppable?: true;
  /** Why each menu item is off for this cluster (its state, or the caller's role); absent: allowed. */
  denied: Partial<Record<MenuAction, string>>;
};

/**
 * The clusters table's rows: name and badges, where it runs, its nodes, its status, then at most
 * one button and the "…" menu. Repeated styles live once in globals.css (`.clusters-table`).
 */
export function ClusterRows({ rows }: { rows: ClusterRowData[] }) {
  return rows.map((cluster) => (
    <tr key={cluster.id} data-testid="cluster-row">
      <th scope="row">
        {cluster.name}
        {cluster.isDefault && " "}
        {cluster.isDefault && <Badge tone="info">Default</Badge>}
        {cluster.production && " "}
        {cluster.production && <Badge tone="warning">Production</Badge>}
      </th>
      <td data-label="Provider and region">
        {cluster.where}
        <small>{`Kubernetes ${cluster.kubernetesVersion}`}</small>
      </td>
      <td data-label="Nodes">
        {cluster.instanceType}
        <small>{`${cluster.minNodes}–${cluster.maxNodes} nodes`}</small>
      </td>
      <td data-label="Status">
        <StatusBadge label={cluster.statusLabel} status={cluster.status} transitioning={Boolean(cluster.transitioning)} />
        {cluster.error && (
          <span className="mt-1 block max-w-60 text-xs break-words text-red-800 dark:text-red-300" data-testid="cluster-error">
            {cluster.error}
          </span>
        )}
      </td>
      <td data-controls="">
        <ClusterRowControls cluster={cluster} />
      </td>
    </tr>
  ));
}
