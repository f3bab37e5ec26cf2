import Link from "next/link";
import { primaryLinkClass } from "@/components/clusters/styles";
import type { ProjectRow } from "@/lib/projects/queries";
import { ProjectPagination } from "./project-pagination";
import { linkClass, mutedText, tableCell, tableHeadClass } from "./project-styles";

type Props = {
  orgSlug: string;
  orgName: string;
  query: string;
  after: string | null;
  projects: ProjectRow[];
  nextCursor: string | null;
  canCreate: boolean;
};

const searchButtonClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

/** The organization's projects: searched and paged through the URL, so it works without JavaScript. */
export function ProjectList({ orgSlug, orgName, query, after, projects, nextCursor, canCreate }: Props) {
  const basePath = `/orgs/${orgSlug}`;
  const newHref = `${basePath}/projects/new`;
  const empty = projects.length === 0 && !query && !after;
  return (
    <section aria-labelledby="projects-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="projects-heading" className="text-lg font-semibold">Projects</h2>
        {canCreate && (
          <Link href={newHref} className={primaryLinkClass}>
            New project
          </Link>
        )}
      </div>
      {empty ? (
        <div className="mt-3 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700" data-testid="projects-empty">
          <p className="font-medium">No projects yet</p>
          <p className={`mt-1 ${mutedText}`}>
            {canCreate ? (
              <>
                A project groups the environments of one application. <Link href={newHref} className={linkClass}>Create the first project</Link>.
              </>
            ) : (
              "Developers, admins and the owner can create projects; they will appear here."
            )}
          </p>
        </div>
      ) : (
        <>
          <form method="get" action={basePath} role="search" aria-label="Projects" className="mt-3 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="projects-q" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
                Search projects
              </label>
              <input
                id="projects-q"
                name="q"
                type="search"
                defaultValue={query}
                maxLength={100}
                placeholder="Name or key"
                className="mt-1 block w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
            </div>
            <button type="submit" className={searchButtonClass}>
              Search
            </button>
            {query && (
              <Link href={basePath} className={`px-2 py-1.5 text-sm ${linkClass}`}>
                Clear search
              </Link>
            )}
          </form>
          {projects.length > 0 && (
            <div className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Projects of {orgName}</caption>
                <thead className={tableHeadClass}>
                  <tr>
                    <th scope="col" className={tableCell}>Name</th>
                    <th scope="col" className={tableCell}>Project key</th>
                    <th scope="col" className={tableCell}>Environments</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {projects.map((project) => (
                    <tr key={project.id} data-testid="project-row">
                      <th scope="row" className={`${tableCell} font-medium`}>
                        <Link href={`${basePath}/projects/${project.id}`} className={linkClass}>
                          {project.name}
                        </Link>
                      </th>
                      <td className={`${tableCell} font-mono text-xs`}>{project.key}</td>
                      <td className={tableCell}>{project.environments}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ProjectPagination
            basePath={basePath}
            label="Projects pages"
            query={query}
            after={after}
            nextCursor={nextCursor}
            status={listStatus(projects.length, query, Boolean(after))}
          />
        </>
      )}
    </section>
  );
}

function listStatus(shown: number, query: string, later: boolean): string {
  if (shown === 0) return query ? `No project matches “${query}”.` : "No more projects.";
  const matching = query ? ` matching “${query}”` : "";
  return `Showing ${shown} project${shown === 1 ? "" : "s"}${matching}${later ? " (later page)" : ""}.`;
}
