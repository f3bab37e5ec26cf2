"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";

/** Where applications live: an environment's page and its words ("Shop / production"), listed once per table. */
export type RepositoryPlace = { href: string; label: string };

/** One granted repository as its row needs it; absent keys rather than undefined or false ones. */
export type RepositoryRowData = {
  /** owner/name, unique in the installation. */
  name: string;
  private?: true;
  /** The first applications that use it: their environment (an index in the table's places), id and name. */
  uses?: { place: number; id: string; name: string }[];
  /** "and 3 more applications", when more use it than are listed. */
  more?: string;
};

/**
 * The repositories table's rows, rendered from compact data on purpose: server-rendered rows are
 * sent twice (HTML and RSC payload), these once as HTML and once as data. Their styles come from
 * globals.css (.repositories-table), not from each element.
 */
export function RepositoryRows({ places, rows }: { places: RepositoryPlace[]; rows: RepositoryRowData[] }) {
  return rows.map((repo) => (
    <tr key={repo.name} data-testid="git-repository-row">
      <th scope="row">
        {repo.name}
        {repo.private && <Badge>Private</Badge>}
      </th>
      <td data-label="Used by">
        {repo.uses ? (
          <ul>
            {repo.uses.map((use) => (
              <li key={use.id}>
                <Link href={`${places[use.place].href}/applications/${use.id}`}>{use.name}</Link> <span>{`(${places[use.place].label})`}</span>
              </li>
            ))}
            {repo.more && (
              <li>
                <span>{repo.more}</span>
              </li>
            )}
          </ul>
        ) : (
          <span>No application</span>
        )}
      </td>
    </tr>
  ));
}
