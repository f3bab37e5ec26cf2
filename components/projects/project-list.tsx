import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { DisabledButton } from "@/components/ui/disabled-button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ProjectRow } from "@/lib/projects/queries";
import { nameLinkClass, rowHeaderClass, tableFrameClass } from "./table-styles";

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
            <div className={`mt-3 ${tableFrameClass}`}>
              <Table>
                <TableCaption>Projects of {orgName}</TableCaption>
                <TableHead>
                  <tr>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Project key</TableHeaderCell>
                    <TableHeaderCell>Environments</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {projects.map((project) => (
                    <TableRow key={project.id} data-testid="project-row">
                      <th scope="row" className={rowHeaderClass}>
                        <Link href={`${basePath}/projects/${project.id}`} className={nameLinkClass}>
                          {project.name}
                        </Link>
                      </th>
                      <TableCell label="Project key" className="font-mono text-xs">
                        {project.key}
                      </TableCell>
                      <TableCell label="Environments">{project.environments}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
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
