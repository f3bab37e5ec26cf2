import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrgContext } from "@/lib/authz/context";
import { loadEnvironmentResources, resourceDenied, type EnvironmentSummary } from "@/lib/pages/resource-pages";
import { AddResourceLink } from "./add-resource-link";
import { ApplicationTable } from "./application-table";
import { deleteListedApplicationInDevelopment, deleteListedApplicationInProduction } from "./application-list-actions";
import { DatabaseTable } from "./database-table";
import { deleteListedDatabaseInDevelopment, deleteListedDatabaseInProduction } from "./database-list-actions";

export type { EnvironmentSummary };

const headingClass = "text-lg font-semibold";
const noteClass = "mt-1 text-sm text-zinc-600 dark:text-zinc-400";
const moreClass = "mt-2 inline-block text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

/**
 * The applications and databases of an environment, rendered on the environment page: the first
 * few of each by name, with links to the full (paged) lists. Buttons follow the permission of the
 * environment's mode; the databases section exists only for callers with database.read, and
 * nothing about databases is read for the others.
 */
export async function EnvironmentResources({ ctx, environment }: { ctx: OrgContext; environment: EnvironmentSummary }) {
  const view = await loadEnvironmentResources(ctx, environment);
  const { can, applications, databases, links, readOnly } = view;
  const scope = { projectId: environment.projectId, environmentId: environment.id };
  const production = can.modeClass === "production";
  const deleteApplication = can.deleteApplications
    ? (production ? deleteListedApplicationInProduction : deleteListedApplicationInDevelopment).bind(null, ctx.org.slug)
    : null;
  const deleteDatabase = can.deleteDatabases ? (production ? deleteListedDatabaseInProduction : deleteListedDatabaseInDevelopment).bind(null, ctx.org.slug) : null;
  return (
    <div className="space-y-10">
      <section aria-labelledby="applications-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h2 id="applications-heading" tabIndex={-1} className={headingClass}>
              Applications
            </h2>
            <p className={noteClass}>
              {readOnly.applications ?? "Each application deploys a branch of a Git repository to this environment."}
            </p>
          </div>
          <AddResourceLink href={links.newApplication} label="Add application" deniedReason={readOnly.applications} />
        </div>
        <div className="mt-4">
          {applications.total === 0 ? (
            <EmptyState title={`No application in ${environment.name} yet.`} />
          ) : (
            <ApplicationTable
              caption={`Applications of ${environment.name}`}
              applications={applications.rows}
              scope={scope}
              denied={resourceDenied(can, "application")}
              deleteAction={deleteApplication}
              focusAfter="applications-heading"
            />
          )}
          {applications.total > applications.rows.length && (
            <Link href={links.applications} className={moreClass}>
              View all {applications.total} applications
            </Link>
          )}
        </div>
      </section>

      {databases && (
        <section aria-labelledby="databases-heading">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div className="min-w-0">
              <h2 id="databases-heading" tabIndex={-1} className={headingClass}>
                Databases
              </h2>
              <p className={noteClass}>
                {readOnly.databases ?? "Managed databases the applications of this environment use."}
              </p>
            </div>
            <AddResourceLink href={links.newDatabase} label="Add database" deniedReason={readOnly.databases} />
          </div>
          <div className="mt-4">
            {databases.total === 0 ? (
              <EmptyState title={`No database in ${environment.name} yet.`} />
            ) : (
              <DatabaseTable
                caption={`Databases of ${environment.name}`}
                databases={databases.rows}
                scope={scope}
                denied={resourceDenied(can, "database")}
                deleteAction={deleteDatabase}
                focusAfter="databases-heading"
              />
            )}
            {databases.total > databases.rows.length && (
              <Link href={links.databases} className={moreClass}>
                View all {databases.total} databases
              </Link>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
