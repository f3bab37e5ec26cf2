import { ClusterActions } from "@/components/clusters/cluster-actions";
import { ClusterRowControls } from "@/components/clusters/cluster-row-controls";
import { StatusBadge } from "@/components/clusters/status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ClusterView } from "@/lib/pages/clusters-page";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  orgName: string;
  basePath: string;
  headingId: string;
  clusters: ClusterView[];
  successors: { id: string; name: string }[];
  actions: { stop: Action; start: Action; delete: Action; retry: Action; setDefault: Action };
};

const failedVerb = { install: "installation", update: "update", stop: "stop", start: "start", delete: "deletion" } as const;

/**
 * Server-rendered rows, each with its data, at most one button and one "…" menu; the dialog
 * behind Stop and Delete exists once, in ClusterActions, and receives the chosen row.
 */
export function ClustersTable({ orgName, basePath, headingId, clusters, successors, actions }: Props) {
  return (
    <ClusterActions headingId={headingId} actions={actions} successors={successors}>
      <div className="rounded-lg border-zinc-200 md:border md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900">
        <Table>
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
          <TableBody>
            {clusters.map((cluster) => (
              <TableRow key={cluster.id} data-testid="cluster-row">
                <th scope="row" className="min-w-0 px-3 py-2 font-medium break-words max-md:block max-md:px-0 max-md:pb-2">
                  {cluster.name}
                  {cluster.isDefault && " "}
                  {cluster.isDefault && <Badge tone="info">Default</Badge>}
                  {cluster.production && " "}
                  {cluster.production && <Badge tone="warning">Production</Badge>}
                </th>
                <TableCell label="Provider and region">
                  {cluster.providerLabel} · {cluster.region}
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">Kubernetes {cluster.kubernetesVersion}</span>
                </TableCell>
                <TableCell label="Nodes">
                  {cluster.instanceType}
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {cluster.minNodes}–{cluster.maxNodes} nodes
                  </span>
                </TableCell>
                <TableCell label="Status">
                  <StatusBadge status={cluster.status} label={cluster.statusLabel} transitioning={cluster.transitioning} />
                  {cluster.status === "error" && cluster.statusReason && (
                    <span className="mt-1 block max-w-60 text-xs break-words text-red-800 dark:text-red-300" data-testid="cluster-error">
                      {cluster.failedAction ? `The ${failedVerb[cluster.failedAction]} failed: ` : ""}
                      {cluster.statusReason}
                    </span>
                  )}
                </TableCell>
                <TableCell className="md:text-right max-md:justify-end max-md:pt-2">
                  <ClusterRowControls
                    row={{ id: cluster.id, name: cluster.name, isDefault: cluster.isDefault, production: cluster.production }}
                    primary={!cluster.denied.start ? "start" : !cluster.denied.retry ? "retry" : null}
                    stoppable={cluster.status !== "stopped"}
                    denied={cluster.denied}
                    basePath={basePath}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </ClusterActions>
  );
}
