import Link from "next/link";
import { plural } from "@/lib/git/warnings";
import type { RepositoryView } from "@/lib/pages/git-page";
import { linkClass } from "./styles";

type Props = {
  basePath: string;
  account: string;
  repositoryCount: number;
  repositories: RepositoryView[];
  query: string;
  after: string | null;
  nextCursor: string | null;
};

const cell = "px-3 py-2 align-top";
const buttonClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

function href(basePath: string, params: Record<string, string | null>) {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * The repositories the installation grants, 50 a page by name (searching and paging are plain GET
 * links), each with the applications of this organization that use it.
 */
export function Repositories({ basePath, account, repositoryCount, repositories, query, after, nextCursor }: Props) {
  const status =
    repositories.length === 0
      ? query
        ? `No repository matches “${query}”.`
        : repositoryCount === 0
          ? `No repository of ${account} is granted yet: choose some in Manage permission.`
          : "No more repositories."
      : `Showing ${plural(repositories.length, "repository", "repositories")}${query ? ` matching “${query}”` : ""}${after ? " (later page)" : ""} of ${repositoryCount} granted.`;
  return (
    <section aria-labelledby="git-repositories-heading" className="mt-8">
      <h2 id="git-repositories-heading" className="text-lg font-semibold">
        Authorized repositories
      </h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        The repositories of {account} the organization may use, as GitHub last told us. Changes made in Manage permission arrive here by
        themselves.
      </p>
      <form method="get" action={basePath} role="search" aria-label="Repositories" className="mt-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="git-repositories-q" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Search repositories
          </label>
          <input
            id="git-repositories-q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            placeholder="owner/name"
            className="mt-1 block w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <button type="submit" className={buttonClass}>
          Search
        </button>
        {query && (
          <Link href={basePath} className={`px-2 py-1.5 text-sm ${linkClass}`}>
            Clear search
          </Link>
        )}
      </form>
      {repositories.length > 0 && (
        <div className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Repositories granted to the organization, with the applications that use them</caption>
            <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className={cell}>Repository</th>
                <th scope="col" className={cell}>Used by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {repositories.map((repo) => (
                <tr key={repo.id} data-testid="git-repository-row">
                  <th scope="row" className={`${cell} font-mono font-medium`}>
                    {repo.fullName}
                    {repo.private && <span className="ml-2 rounded border border-zinc-300 px-1.5 py-0.5 font-sans text-xs font-normal text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">Private</span>}
                  </th>
                  <td className={cell}>
                    {repo.useCount === 0 ? (
                      <span className="text-zinc-600 dark:text-zinc-400">No application</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {repo.uses.map((use) => (
                          <li key={use.applicationId}>
                            <Link href={use.href} className={linkClass}>
                              {use.name}
                            </Link>{" "}
                            <span className="text-zinc-600 dark:text-zinc-400">
                              ({use.projectName} / {use.environmentName})
                            </span>
                          </li>
                        ))}
                        {repo.useCount > repo.uses.length && (
                          <li className="text-zinc-600 dark:text-zinc-400">and {plural(repo.useCount - repo.uses.length, "more application")}</li>
                        )}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
        {(after || nextCursor) && (
          <nav aria-label="Repository pages" className="flex gap-2">
            {after && (
              <Link href={href(basePath, { q: query })} className={buttonClass}>
                First page
              </Link>
            )}
            {nextCursor && (
              <Link href={href(basePath, { q: query, after: nextCursor })} className={buttonClass}>
                Next page
              </Link>
            )}
          </nav>
        )}
      </div>
    </section>
  );
}
