import Link from "next/link";
import type { EnvironmentListItem } from "@/lib/pages/project-pages";
import { EnvironmentCluster, EnvironmentModeBadge, EnvironmentStatusBadge } from "./environment-badges";
import { ProjectPagination } from "./project-pagination";
import { linkClass, mutedText, tableCell, tableHeadClass } from "./project-styles";

type Props = {
  projectName: string;
  basePath: string;
  environments: EnvironmentListItem[];
  after: string | null;
  nextCursor: string | null;
  /** What to say when the project has no environment yet. */
  emptyHint: React.ReactNode;
};

/** A project's environments, one page at a time: mode, cluster (and whether Automatic chose it), status. */
export function EnvironmentList({ projectName, basePath, environments, after, nextCursor, emptyHint }: Props) {
  if (environments.length === 0 && !after) {
    return (
      <div className="mt-3 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700" data-testid="environments-empty">
        <p className="font-medium">No environments yet</p>
        <p className={`mt-1 ${mutedText}`}>{emptyHint}</p>
      </div>
    );
  }
  const shown = environments.length;
  return (
    <>
      <div className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Environments of {projectName}</caption>
          <thead className={tableHeadClass}>
            <tr>
              <th scope="col" className={tableCell}>Name</th>
              <th scope="col" className={tableCell}>Mode</th>
              <th scope="col" className={tableCell}>Cluster</th>
              <th scope="col" className={tableCell}>Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {environments.map((environment) => (
              <tr key={environment.id} data-testid="environment-row">
                <th scope="row" className={`${tableCell} font-medium`}>
                  <Link href={`${basePath}/environments/${environment.id}`} className={linkClass}>
                    {environment.name}
                  </Link>
                </th>
                <td className={tableCell}>
                  <EnvironmentModeBadge mode={environment.mode} label={environment.modeLabel} />
                </td>
                <td className={tableCell}>
                  <EnvironmentCluster name={environment.clusterName} automatic={environment.automaticCluster} />
                </td>
                <td className={tableCell}>
                  <EnvironmentStatusBadge status={environment.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProjectPagination
        basePath={basePath}
        label="Environments pages"
        after={after}
        nextCursor={nextCursor}
        status={shown === 0 ? "No more environments." : `Showing ${shown} environment${shown === 1 ? "" : "s"}${after ? " (later page)" : ""}.`}
      />
    </>
  );
}
