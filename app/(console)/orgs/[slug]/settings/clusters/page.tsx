import type { Metadata } from "next";
import Link from "next/link";
import { ClusterUsageLine } from "@/components/clusters/cluster-usage";
import { LiveRefresh } from "@/components/clusters/live-refresh";
import { buttonClass } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { RoleRequired } from "@/components/ui/role-required";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { loadClustersPage } from "@/lib/pages/clusters-page";
import { deleteClusterAction, retryClusterAction, setDefaultClusterAction, startClusterAction, stopClusterAction } from "./actions";
import { ClustersTable } from "./_components/clusters-table";

export const metadata: Metadata = { title: "Clusters" };

type OrgFormAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

const headingId = "clusters-heading";

export default async function ClustersPage({ params, searchParams }: Props) {
  const access = await loadClustersPage((await params).slug, Number((await searchParams).page ?? 1));
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, clusters, usage, successorCount, live, pagination } = access.page;
  const { org } = ctx;
  const basePath = `/orgs/${org.slug}/settings/clusters`;
  const bound = (action: OrgFormAction) => action.bind(null, org.slug);
  const pageHref = (page: number) => hrefWith(basePath, { page: page > 1 ? String(page) : null });
  return (
    <section aria-labelledby={headingId} className="max-w-6xl">
      {/* The long text sits under the header: as PageHeader's description it would push "Add cluster" off the title's line. */}
      <PageHeader
        id={headingId}
        title="Clusters"
        actions={
          <Link href={`${basePath}/new`} className={buttonClass()}>
            Add cluster
          </Link>
        }
      />
      <div className="-mt-4 mb-6 text-sm text-zinc-700 dark:text-zinc-300">
        <p>The Kubernetes clusters {org.name} deploys to. The default cluster receives environments no deployment rule places elsewhere.</p>
        <ClusterUsageLine usage={usage} />
        <LiveRefresh active={live} />
      </div>
      {clusters.length > 0 ? (
        <>
          <ClustersTable
            orgName={org.name}
            basePath={basePath}
            headingId={headingId}
            clusters={clusters}
            successorCount={successorCount}
            actions={{
              stop: bound(stopClusterAction),
              start: bound(startClusterAction),
              delete: bound(deleteClusterAction),
              retry: bound(retryClusterAction),
              setDefault: bound(setDefaultClusterAction),
            }}
          />
          {pagination.pages > 1 && (
            <Pagination
              label="Cluster pages"
              status={`Page ${pagination.page} of ${pagination.pages}`}
              previous={pagination.page > 1 ? { href: pageHref(pagination.page - 1), label: "Previous page" } : null}
              next={pagination.page < pagination.pages ? { href: pageHref(pagination.page + 1), label: "Next page" } : null}
            />
          )}
        </>
      ) : (
        <EmptyState title="No cluster yet">{org.name} has no cluster yet. Add one: the first cluster installed becomes the default.</EmptyState>
      )}
    </section>
  );
}
