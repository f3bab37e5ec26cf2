import Link from "next/link";
import { ConfirmClusterAction } from "@/components/clusters/confirm-cluster-action";
import { InlineAction } from "@/components/clusters/inline-action";
import { StatusBadge } from "@/components/clusters/status-badge";
import { rowButtonClass } from "@/components/clusters/styles";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ClusterView } from "@/lib/pages/clusters-page";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  orgName: string;
  basePath: string;
  clusters: ClusterView[];
  successors: { id: string; name: string }[];
  actions: { stop: Action; start: Action; remove: Action; retry: Action; setDefault: Action };
};

const cell = "px-3 py-2 align-top";
const badge = "ml-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium";
const focusAfter = "clusters-heading";
const failedVerb = { install: "installation", update: "update", stop: "stop", start: "start", delete: "deletion" } as const;

export function ClustersTable({ orgName, basePath, clusters, successors, actions }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Clusters of {orgName}</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Name</th>
            <th scope="col" className={cell}>Provider and region</th>
            <th scope="col" className={cell}>Kubernetes</th>
            <th scope="col" className={cell}>Nodes</th>
            <th scope="col" className={cell}>Status</th>
            <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {clusters.map((cluster) => (
            <tr key={cluster.id} data-testid="cluster-row">
              <th scope="row" className={`${cell} font-medium`}>
                {cluster.name}
                {cluster.isDefault && " "}
                {cluster.isDefault && <span className={`${badge} bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200`}>Default</span>}
                {cluster.production && " "}
                {cluster.production && <span className={`${badge} bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>Production</span>}
              </th>
              <td className={cell}>
                {cluster.providerLabel}
                <span className="block whitespace-nowrap text-zinc-600 dark:text-zinc-400">{cluster.region}</span>
              </td>
              <td className={cell}>{cluster.kubernetesVersion}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {cluster.instanceType}
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {cluster.minNodes}–{cluster.maxNodes} nodes
                </span>
              </td>
              <td className={`${cell} min-w-32`}>
                <StatusBadge status={cluster.status} label={cluster.statusLabel} transitioning={cluster.transitioning} />
                {cluster.status === "error" && cluster.statusReason && (
                  <p className="mt-1 max-w-60 text-xs text-red-800 dark:text-red-300" data-testid="cluster-error">
                    {cluster.failedAction ? `The ${failedVerb[cluster.failedAction]} failed: ` : ""}
                    {cluster.statusReason}
                  </p>
                )}
                <div className="mt-1 flex flex-wrap gap-2">
                  <InlineAction action={actions.retry} clusterId={cluster.id} clusterName={cluster.name} show={cluster.can.retry} label="Retry" pendingLabel="Retrying…" />
                </div>
              </td>
              <td className={cell}>
                <div className="ml-auto flex w-60 flex-wrap justify-end gap-2">
                  {cluster.can.update && (
                    <Link href={`${basePath}/${cluster.id}/edit`} className={rowButtonClass}>
                      Update settings<span className="sr-only"> of {cluster.name}</span>
                    </Link>
                  )}
                  <InlineAction action={actions.start} clusterId={cluster.id} clusterName={cluster.name} show={cluster.can.start} label="Start" pendingLabel="Starting…" />
                  <InlineAction
                    action={actions.setDefault}
                    clusterId={cluster.id}
                    clusterName={cluster.name}
                    show={cluster.can.setDefault}
                    label="Set as default"
                    pendingLabel="Setting…"
                  />
                  {cluster.can.download && (
                    // A plain link, never prefetched: every download is an audit event.
                    <a href={`${basePath}/${cluster.id}/kubeconfig`} download className={rowButtonClass}>
                      Download kubeconfig<span className="sr-only"> of {cluster.name}</span>
                    </a>
                  )}
                  <ConfirmClusterAction
                    action={actions.stop}
                    clusterId={cluster.id}
                    clusterName={cluster.name}
                    show={cluster.can.stop}
                    label="Stop"
                    title={`Stop ${cluster.name}?`}
                    confirmLabel="Stop cluster"
                    pendingLabel="Stopping…"
                    focusAfter={focusAfter}
                  >
                    <p>
                      {cluster.name} shuts down its nodes: everything deployed on it stops answering until you start it again. Its settings and
                      kubeconfig are kept.
                    </p>
                    {cluster.production && <p className="font-medium">It is a production cluster.</p>}
                  </ConfirmClusterAction>
                  <ConfirmClusterAction
                    action={actions.remove}
                    clusterId={cluster.id}
                    clusterName={cluster.name}
                    show={cluster.can.delete}
                    label="Delete"
                    title={`Delete ${cluster.name}?`}
                    confirmLabel="Delete cluster"
                    pendingLabel="Deleting…"
                    focusAfter={focusAfter}
                    successors={cluster.isDefault ? successors : undefined}
                  >
                    <p>
                      {cluster.name} and everything deployed on it are deleted, and its kubeconfig stops working. This cannot be undone.
                    </p>
                    {cluster.isDefault &&
                      (successors.length > 0 ? (
                        <p className="font-medium">It is the default cluster: choose the cluster that becomes the default.</p>
                      ) : (
                        <p className="font-medium">It is the default cluster; the next cluster installed becomes the default.</p>
                      ))}
                  </ConfirmClusterAction>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
