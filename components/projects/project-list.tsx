import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { DisabledButton } from "@/components/ui/disabled-button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import type { ProjectRow } from "@/lib/projects/queries";

const projectTableClass = [
  "w-full table-fixed text-left text-sm",
  "[&_thead]:border-b [&_thead]:border-zinc-200 [&_thead]:text-xs [&_thead]:text-zinc-600 [&_thead]:uppercase dark:[&_thead]:border-zinc-800 dark:[&_thead]:text-zinc-400",
  "[&_tbody_tr]:border-t [&_tbody_tr]:border-zinc-200 dark:[&_tbody_tr]:border-zinc-800",
  "[&_th]:px-3 [&_th]:py-2 [&_th]:font-medium [&_th]:break-words [&_td]:px-3 [&_td]:py-2 [&_td]:break-words",
  "[&_td:nth-child(2)]:font-mono [&_td:nth-child(2)]:text-xs [&_td:nth-child(2)]:break-all",
  "[&_tbody_a]:text-indigo-700 [&_tbody_a]:underline-offset-2 hover:[&_tbody_a]:underline dark:[&_tbody_a]:text-indigo-300",
].join(" ");

type Props = {
  orgSlug: string;
  orgName: string;
  query: string;
  after: string | null;
  projects: ProjectRow[];
  nextCursor: string | null;
  /** Why the caller may not create projects, or null when they may. */
  createDenied: string | null;
};

/**
 * The organization's projects: searched and paged through the URL (works without JavaScript).
 * Rows are links and text only, no client component each, so a page of 2,000 projects stays light.
 */
export function ProjectList({ orgSlug, orgName, query, after, projects, nextCursor, createDenied }: Props) {
  const basePath = `/orgs/${orgSlug}`;
  const newHref = `${basePath}/projects/new`;
  const empty = projects.length === 0 && !query && !after;
  return (
    <section aria-labelledby="projects-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Projects
        </h2>
        {createDenied ? (
          <DisabledButton reason={createDenied}>New project</DisabledButton>
        ) : (
          <Link href={newHref} className={buttonClass()}>
            New project
          </Link>
        )}
      </div>
      {empty ? (
        <div className="mt-3" data-testid="projects-empty">
          <EmptyState title="No projects yet">
            {createDenied ? (
              "Developers, admins and the owner can create projects; they will appear here."
            ) : (
              <>
                A project groups the environments of one application.{" "}
                <Link href={newHref} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                  Create the first project
                </Link>
                .
              </>
            )}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="mt-3">
            <SearchForm action={basePath} name="Projects" label="Search projects" query={query} placeholder="Name or key" />
          </div>
          {projects.length > 0 && (
            // Styled once on the table, not per cell: a page of projects stays a few kilobytes. Three
            // short columns fit at 390 px, so the rows need not stack.
            <div className="mt-3 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
              <table className={projectTableClass}>
                <caption className="sr-only">Projects of {orgName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Project key</th>
                    <th scope="col">Environments</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((project) => (
                    <tr key={project.id} data-testid="project-row">
                      <th scope="row">
                        <Link href={`${basePath}/projects/${project.id}`}>{project.name}</Link>
                      </th>
                      <td>{project.key}</td>
                      <td>{project.environments}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            label="Projects pages"
            status={listStatus(projects.length, query, Boolean(after))}
            first={after ? { href: hrefWith(basePath, { q: query }), label: "First page" } : null}
            next={nextCursor ? { href: hrefWith(basePath, { q: query, after: nextCursor }), label: "Next page" } : null}
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
