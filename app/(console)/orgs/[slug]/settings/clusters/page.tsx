import type { Metadata } from "next";
import Link from "next/link";
import { ClusterUsageLine } from "@/components/clusters/cluster-usage";
import { LiveRefresh } from "@/components/clusters/live-refresh";
import { primaryLinkClass } from "@/components/clusters/styles";
import { RoleRequired } from "@/components/ui/role-required";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { loadClustersPage } from "@/lib/pages/clusters-page";
import { deleteClusterAction, retryClusterAction, setDefaultClusterAction, startClusterAction, stopClusterAction } from "./actions";
import { ClustersTable } from "./_components/clusters-table";

export const metadata: Metadata = { title: "Clusters" };

type OrgFormAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export default async function ClustersPage({ params, searchParams }: Props) {
  const access = await loadClustersPage((await params).slug, Number((await searchParams).page ?? 1));
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, clusters, usage, successors, live, pagination } = access.page;
  const { org } = ctx;
  const basePath = `/orgs/${org.slug}/settings/clusters`;
  const bound = (action: OrgFormAction) => action.bind(null, org.slug);
  return (
    <section aria-labelledby="clusters-heading" className="max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="clusters-heading" tabIndex={-1} className="text-xl font-semibold">Clusters</h1>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            The Kubernetes clusters {org.name} deploys to. The default cluster receives environments no deployment rule places elsewhere.
          </p>
          <ClusterUsageLine usage={usage} />
        </div>
        <div className="flex items-center gap-4">
          <LiveRefresh active={live} />
          <Link href={`${basePath}/new`} className={primaryLinkClass}>
            Add cluster
          </Link>
        </div>
      </div>
      <div className="mt-6">
        {clusters.length > 0 ? (
          <>
            <ClustersTable
              orgName={org.name}
              basePath={basePath}
              clusters={clusters}
              successors={successors}
              actions={{ stop: bound(stopClusterAction), start: bound(startClusterAction), remove: bound(deleteClusterAction), retry: bound(retryClusterAction), setDefault: bound(setDefaultClusterAction) }}
            />
            {pagination.pages > 1 && (
              <nav aria-label="Cluster pages" className="mt-4 flex items-center gap-4 text-sm">
                {pagination.page > 1 && <Link href={`${basePath}?page=${pagination.page - 1}`} className="underline underline-offset-2">Previous page</Link>}
                <span>
                  Page {pagination.page} of {pagination.pages}
                </span>
                {pagination.page < pagination.pages && <Link href={`${basePath}?page=${pagination.page + 1}`} className="underline underline-offset-2">Next page</Link>}
              </nav>
            )}
          </>
        ) : (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
            {org.name} has no cluster yet. Add one: the first cluster installed becomes the default.
          </p>
        )}
      </div>
    </section>
  );
}
