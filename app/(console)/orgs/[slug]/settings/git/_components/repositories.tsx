import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import { pluralWord } from "@/lib/format";
import type { RepositoryView } from "@/lib/pages/git-page";
import { environmentHref } from "@/lib/projects/resource-scope";
import { type RepositoryPlace, type RepositoryRowData, RepositoryRows } from "./repository-rows";

type Props = {
  orgSlug: string;
  basePath: string;
  account: string;
  repositoryCount: number;
  repositories: RepositoryView[];
  query: string;
  after: string | null;
  nextCursor: string | null;
};


/**
 * The rows as RepositoryRows needs them: each environment named once for the table (most
 * applications of a page share a few), absent keys rather than empty ones.
 */
function rowsOf(orgSlug: string, repositories: RepositoryView[]): { places: RepositoryPlace[]; rows: RepositoryRowData[] } {
  const places: RepositoryPlace[] = [];
  const placeIndex = new Map<string, number>();
  const placeOf = (use: RepositoryView["uses"][number]) => {
    const href = environmentHref(orgSlug, use);
    let index = placeIndex.get(href);
    if (index === undefined) {
      index = places.push({ href, label: `${use.projectName} / ${use.environmentName}` }) - 1;
      placeIndex.set(href, index);
    }
    return index;
  };
  const rows = repositories.map((repo): RepositoryRowData => {
    const more = repo.useCount - repo.uses.length;
    return {
      name: repo.fullName,
      ...(repo.private && { private: true }),
      ...(repo.useCount > 0 && { uses: repo.uses.map((use) => ({ place: placeOf(use), id: use.applicationId, name: use.name })) }),
      ...(more > 0 && { more: `and ${more} ${pluralWord(more, "more application")}` }),
    };
  });
  return { places, rows };
}

/**
 * The repositories the installation grants, 50 a page by name (searching and paging are plain GET
 * links), each with the applications of this organization that use it. Light rows on the dense
 * kit table: 5,000 granted repositories weigh one page of them.
 */
export function Repositories({ orgSlug, basePath, account, repositoryCount, repositories, query, after, nextCursor }: Props) {
  const shown = repositories.length;
  const status =
    shown === 0 ? "" : `Showing ${shown} ${pluralWord(shown, "repository", "repositories")}${query ? ` matching “${query}”` : ""}${after ? " (later page)" : ""} of ${repositoryCount} granted.`;
  const empty = query
    ? `No repository matches “${query}”.`
    : repositoryCount === 0
      ? `No repository of ${account} is granted yet: choose some in Manage permission.`
      : "No more repositories.";
  return (
    <section aria-labelledby="git-repositories-heading" className="mt-8 min-w-0">
      <h2 id="git-repositories-heading" className="text-lg font-semibold">
        Authorized repositories
      </h2>
      <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">
        The repositories of {account} the organization may use, as GitHub last told us. Changes made in Manage permission arrive here by
        themselves.
      </p>
      <SearchForm action={basePath} name="Repositories" label="Search repositories" query={query} placeholder="owner/name" />
      {shown === 0 ? (
        <div className="mt-3">
          <EmptyState title={empty} />
        </div>
      ) : (
        <div className="mt-3 rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
          <Table className="repositories-table">
            <TableCaption>Repositories granted to the organization, with the applications that use them</TableCaption>
            <TableHead>
              <tr>
                <TableHeaderCell>Repository</TableHeaderCell>
                <TableHeaderCell>Used by</TableHeaderCell>
              </tr>
            </TableHead>
            <tbody className="divide-y divide-zinc-200 max-md:block max-md:space-y-3 max-md:divide-y-0 dark:divide-zinc-800">
              <RepositoryRows {...rowsOf(orgSlug, repositories)} />
            </tbody>
          </Table>
        </div>
      )}
      <Pagination
        label="Repository pages"
        status={status}
        first={after ? { href: hrefWith(basePath, { q: query }), label: "First page" } : null}
        next={nextCursor ? { href: hrefWith(basePath, { q: query, after: nextCursor }), label: "Next page" } : null}
      />
    </section>
  );
}
