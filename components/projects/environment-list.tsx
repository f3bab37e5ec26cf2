import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { EnvironmentListItem } from "@/lib/pages/project-pages";
import { EnvironmentCluster, EnvironmentModeBadge, EnvironmentStatusBadge } from "./environment-badges";
import { nameLinkClass, rowHeaderClass, tableFrameClass } from "./table-styles";

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
      <div className="mt-3" data-testid="environments-empty">
        <EmptyState title="No environments yet">{emptyHint}</EmptyState>
      </div>
    );
  }
  const shown = environments.length;
  return (
    <>
      <div className={`mt-3 ${tableFrameClass}`}>
        <Table>
          <TableCaption>Environments of {projectName}</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Mode</TableHeaderCell>
              <TableHeaderCell>Cluster</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {environments.map((environment) => (
              <TableRow key={environment.id} data-testid="environment-row">
                <th scope="row" className={rowHeaderClass}>
                  <Link href={`${basePath}/environments/${environment.id}`} className={nameLinkClass}>
                    {environment.name}
                  </Link>
                </th>
                <TableCell label="Mode">
                  <EnvironmentModeBadge mode={environment.mode} label={environment.modeLabel} />
                </TableCell>
                <TableCell label="Cluster">
                  <EnvironmentCluster name={environment.clusterName} automatic={environment.automaticCluster} />
                </TableCell>
                <TableCell label="Status">
                  <EnvironmentStatusBadge status={environment.display} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Pagination
        label="Environments pages"
        status={shown === 0 ? "No more environments." : `Showing ${shown} environment${shown === 1 ? "" : "s"}${after ? " (later page)" : ""}.`}
        first={after ? { href: basePath, label: "First page" } : null}
        next={nextCursor ? { href: hrefWith(basePath, { after: nextCursor }), label: "Next page" } : null}
      />
    </>
  );
}
