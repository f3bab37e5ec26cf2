import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { loadClusterSettingsPage } from "@/lib/pages/clusters-page";
import { updateClusterSettingsAction } from "./actions";
import { ClusterSettingsForm } from "./_components/cluster-settings-form";

export const metadata: Metadata = { title: "Update cluster settings" };

type Props = { params: Promise<{ slug: string; clusterId: string }> };

export default async function ClusterSettingsPage({ params }: Props) {
  const { slug, clusterId } = await params;
  const access = await loadClusterSettingsPage(slug, clusterId);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, cluster } = access;
  if (!cluster) notFound();
  const listHref = `/orgs/${ctx.org.slug}/settings/clusters`;
  return (
    <section aria-labelledby="cluster-settings-heading" className="max-w-2xl">
      <p className="text-sm">
        <Link href={listHref} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Clusters
        </Link>
      </p>
      <PageHeader
        id="cluster-settings-heading"
        title={`Update settings of ${cluster.name}`}
        description={`${cluster.providerLabel}, ${cluster.region}. Saving rolls the change out to the running cluster; the clusters page shows its progress.`}
      />
      {cluster.canUpdate ? (
        <ClusterSettingsForm
          action={updateClusterSettingsAction.bind(null, ctx.org.slug)}
          clusterId={cluster.id}
          instanceTypes={cluster.instanceTypes}
          saved={cluster.settings}
          cancelHref={listHref}
        />
      ) : (
        <p className="mt-6 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
          {cluster.name} is {cluster.statusLabel.toLowerCase()}: settings can be updated while the cluster is running.
        </p>
      )}
    </section>
  );
}
