import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { statusLabels } from "@/lib/clusters/state-machine";
import { orgHref } from "@/lib/orgs/sections";
import type { Teardown } from "@/lib/pages/danger-zone-page";
import { cancelOrganizationDeletionAction, retryOrganizationDeletionAction } from "../actions";
import { TeardownControls } from "./teardown-controls";

type Props = { slug: string; name: string; teardown: Teardown };

/** The Danger Zone of an organization being deleted: what is left to tear down, and what stopped. */
export function TeardownCard({ slug, name, teardown }: Props) {
  const { clusters, failure } = teardown;
  return (
    <Card tone="danger" aria-labelledby="teardown-heading" title={<span id="teardown-heading">Deletion under way</span>}>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Started {formatDateTime(teardown.startedAt)}. {name} is read-only until it is gone or the owner cancels the deletion; owners and admins
        get an email when it is gone.
      </p>
      {failure && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
          The deletion stopped. {failure}
        </p>
      )}
      <h3 className="mt-4 text-sm font-semibold">{clusters.length === 0 ? "Every cluster is torn down." : "Clusters left to tear down"}</h3>
      {clusters.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" data-testid="teardown-clusters">
          {clusters.map((cluster) => (
            <li key={cluster.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all">{cluster.name}</span>
              <Badge tone={cluster.status === "error" ? "danger" : "neutral"}>{cluster.status === "deleting" ? "Tearing down" : statusLabels[cluster.status]}</Badge>
              {cluster.reason && <span className="text-zinc-700 dark:text-zinc-300">{cluster.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href={orgHref(slug, "settings/clusters")} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          See the clusters
        </Link>
      </p>
      <TeardownControls
        name={name}
        retry={teardown.canRetry ? retryOrganizationDeletionAction.bind(null, slug) : null}
        cancel={teardown.canCancel ? cancelOrganizationDeletionAction.bind(null, slug) : null}
        owner={teardown.canRetry || teardown.canCancel}
      />
    </Card>
  );
}
