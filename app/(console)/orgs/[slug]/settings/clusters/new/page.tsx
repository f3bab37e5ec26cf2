import type { Metadata } from "next";
import Link from "next/link";
import { ClusterUsageLine } from "@/components/clusters/cluster-usage";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { loadNewClusterPage } from "@/lib/pages/clusters-page";
import { createClusterAction } from "./actions";
import { NewClusterForm } from "./_components/new-cluster-form";

export const metadata: Metadata = { title: "Add cluster" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewClusterPage({ params }: Props) {
  const access = await loadNewClusterPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, usage, accounts } = access;
  const listHref = `/orgs/${ctx.org.slug}/settings/clusters`;
  const full = usage.limit !== null && usage.used >= usage.limit;
  return (
    <section aria-labelledby="new-cluster-heading" className="max-w-2xl">
      <p className="text-sm">
        <Link href={listHref} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Clusters
        </Link>
      </p>
      <PageHeader
        id="new-cluster-heading"
        title="Add cluster"
        description={
          <>
            <p>
              The cluster is installed right after you add it; the clusters page shows its progress. The first cluster installed becomes the
              organization&apos;s default.
            </p>
            <ClusterUsageLine usage={usage} />
          </>
        }
      />
      {full ? (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          The {usage.planLabel} plan allows {usage.limit} cluster{usage.limit === 1 ? "" : "s"}, and {ctx.org.name} has {usage.used}. Delete one or
          change plan to add another.
        </p>
      ) : (
        <NewClusterForm
          action={createClusterAction.bind(null, ctx.org.slug)}
          cancelHref={listHref}
          accounts={accounts}
          accountsHref={`/orgs/${ctx.org.slug}/settings/cloud-accounts`}
        />
      )}
    </section>
  );
}
