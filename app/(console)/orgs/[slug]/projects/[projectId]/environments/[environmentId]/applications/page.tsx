import type { Metadata } from "next";
import { AddResourceLink } from "@/components/projects/add-resource-link";
import { ApplicationTable } from "@/components/projects/application-table";
import { deleteListedApplicationInDevelopment, deleteListedApplicationInProduction } from "@/components/projects/application-list-actions";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ResourcePages } from "@/components/projects/resource-pagination";
import { pageNumber } from "@/lib/projects/resource-queries";
import { loadApplicationsPage, resourceDenied } from "@/lib/pages/resource-pages";

export const metadata: Metadata = { title: "Applications" };

type Props = {
  params: Promise<{ slug: string; projectId: string; environmentId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

export default async function ApplicationsPage({ params, searchParams }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadApplicationsPage(slug, projectId, environmentId, pageNumber((await searchParams).page));
  const { ctx, environment, can, trail, applications } = page;
  const remove = can.deleteApplications
    ? (can.modeClass === "production" ? deleteListedApplicationInProduction : deleteListedApplicationInDevelopment).bind(null, ctx.org.slug)
    : null;
  return (
    <section aria-labelledby="applications-heading" className="max-w-5xl">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <ResourcePageHeader headingId="applications-heading" title="Applications" trail={trail} description={`${applications.total} in ${environment.name}.`} />
        </div>
        <AddResourceLink href={`${trail.environmentHref}/applications/new`} label="Add application" deniedReason={resourceDenied(can, "application").edit} />
      </div>
      <div className="mt-6">
        {applications.total === 0 ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">No application in {environment.name} yet.</p>
        ) : (
          <ApplicationTable
            caption={`Applications of ${environment.name}`}
            applications={applications.rows}
            scope={{ projectId, environmentId }}
            denied={resourceDenied(can, "application")}
            deleteAction={remove}
            focusAfter="applications-heading"
          />
        )}
        <ResourcePages label="Application pages" href={`${trail.environmentHref}/applications`} page={applications.page} pages={applications.pages} />
      </div>
    </section>
  );
}
