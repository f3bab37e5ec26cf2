import type { Metadata } from "next";
import { AddResourceLink } from "@/components/projects/add-resource-link";
import { deleteListedDatabaseInDevelopment, deleteListedDatabaseInProduction } from "@/components/projects/database-list-actions";
import { DatabaseTable } from "@/components/projects/database-table";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ResourcePages } from "@/components/projects/resource-pagination";
import { ResourceRoleRequired } from "@/components/projects/resource-role-required";
import { loadDatabasesPage, resourceDenied } from "@/lib/pages/resource-pages";
import { pageNumber } from "@/lib/projects/resource-queries";

export const metadata: Metadata = { title: "Databases" };

type Props = {
  params: Promise<{ slug: string; projectId: string; environmentId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

export default async function DatabasesPage({ params, searchParams }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadDatabasesPage(slug, projectId, environmentId, pageNumber((await searchParams).page));
  if (!page.ok) return <ResourceRoleRequired {...page.denial} />;
  const { ctx, environment, can, trail, databases } = page;
  const remove = can.deleteDatabases
    ? (can.modeClass === "production" ? deleteListedDatabaseInProduction : deleteListedDatabaseInDevelopment).bind(null, ctx.org.slug)
    : null;
  return (
    <section aria-labelledby="databases-heading" className="max-w-5xl">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <ResourcePageHeader headingId="databases-heading" title="Databases" trail={trail} description={`${databases.total} in ${environment.name}.`} />
        </div>
        <AddResourceLink href={`${trail.environmentHref}/databases/new`} label="Add database" deniedReason={resourceDenied(can, "database").edit} />
      </div>
      <div className="mt-6">
        {databases.total === 0 ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">No database in {environment.name} yet.</p>
        ) : (
          <DatabaseTable
            caption={`Databases of ${environment.name}`}
            databases={databases.rows}
            scope={{ projectId, environmentId }}
            denied={resourceDenied(can, "database")}
            deleteAction={remove}
            focusAfter="databases-heading"
          />
        )}
        <ResourcePages label="Database pages" href={`${trail.environmentHref}/databases`} page={databases.page} pages={databases.pages} />
      </div>
    </section>
  );
}
