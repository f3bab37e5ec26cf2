import { ClusterActions } from "@/components/clusters/cluster-actions";
import type { MenuAction } from "@/components/clusters/cluster-row-controls";
import { type ClusterRowData, ClusterRows } from "@/components/clusters/cluster-rows";
import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ClusterView } from "@/lib/pages/clusters-page";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  orgName: string;
  basePath: string;
  headingId: string;
  clusters: ClusterView[];
  successorCount: number;
  actions: { stop: Action; start: Action; delete: Action; retry: Action; setDefault: Action };
};

const failedVerb = { install: "installation", update: "update", stop: "stop", start: "start", delete: "deletion" } as const;
const menuActions: MenuAction[] = ["update", "download", "setDefault", "stop", "delete"];

/** A cluster as its row needs it: only what is shown or decides a control, absent keys for the rest. */
function rowOf(cluster: ClusterView): ClusterRowData {
  const denied: ClusterRowData["denied"] = {};
  for (const action of menuActions) {
    const reason = cluster.denied[action];
    if (reason) denied[action] = reason;
  }
  const primary = !cluster.denied.start ? "start" : !cluster.denied.retry ? "retry" : undefined;
  return {
    id: cluster.id,
    name: cluster.name,
    ...(cluster.isDefault && { isDefault: true }),
    ...(cluster.production && { production: true }),
    where: `${cluster.providerLabel} · ${cluster.region}`,
    kubernetesVersion: cluster.kubernetesVersion,
    instanceType: cluster.instanceType,
    minNodes: cluster.minNodes,
    maxNodes: cluster.maxNodes,
    status: cluster.status,
    statusLabel: cluster.statusLabel,
    ...(cluster.transitioning && { transitioning: true }),
    ...(cluster.status === "error" &&
      cluster.statusReason && { error: `${cluster.failedAction ? `The ${failedVerb[cluster.failedAction]} failed: ` : ""}${cluster.statusReason}` }),
    ...(primary && { primary }),
    ...(cluster.status !== "stopped" && { stoppable: true }),
    denied,
  };
}

/**
 * The clusters table. The frame renders here, on the server; the rows render from compact data
 * (ClusterRows), so the RSC payload holds each cluster once instead of a second copy of its
 * markup. The dialog behind Stop and Delete exists once, in ClusterActions, and receives the
 * chosen row.
 */
export function ClustersTable({ orgName, basePath, headingId, clusters, successorCount, actions }: Props) {
  return (
    <ClusterActions headingId={headingId} basePath={basePath} actions={actions} successorCount={successorCount}>
      <div className="rounded-lg border-zinc-200 md:border md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900">
        <Table className="clusters-table">
          <TableCaption>Clusters of {orgName}</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Provider and region</TableHeaderCell>
              <TableHeaderCell>Nodes</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <tbody>
            <ClusterRows rows={clusters.map(rowOf)} />
          </tbody>
        </Table>
      </div>
    </ClusterActions>
  );
}
