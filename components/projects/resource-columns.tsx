import type { ResourceViews } from "@/lib/pages/resource-pages";
import type { ResourceKind } from "@/lib/projects/resource-kinds";

// What a table of each resource kind shows beyond the name: its columns, the summary its delete
// dialog names, and whether its menu offers SSH. A new kind is a row here (and in the tables of
// lib/projects/resource-kinds.ts and resources.ts).

export type { ResourceViews };

type Column<Row> = { header: string; className?: string; cell: (row: Row) => React.ReactNode };

export type ResourceColumns<Row> = { columns: Column<Row>[]; summary: (row: Row) => string; ssh: boolean };

const warningClass =
  "mt-1 block max-w-md rounded border border-amber-300 bg-amber-50 px-2 py-1 font-sans text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100";

export const resourceColumns: { [K in ResourceKind]: ResourceColumns<ResourceViews[K]> } = {
  application: {
    columns: [
      {
        header: "Repository",
        className: "font-mono text-xs break-all",
        cell: (app) => (
          <>
            {app.gitRepository}
            {app.gitWarning && (
              <span className={warningClass} data-testid="application-git-warning">
                <span className="font-semibold">Warning: </span>
                {app.gitWarning}
              </span>
            )}
          </>
        ),
      },
      { header: "Branch", className: "font-mono text-xs break-all", cell: (app) => app.branch },
    ],
    summary: (app) => `${app.gitRepository}, branch ${app.branch}`,
    ssh: true,
  },
  database: {
    columns: [
      { header: "Type", cell: (row) => row.typeLabel },
      { header: "Version", cell: (row) => row.version },
    ],
    summary: (row) => `${row.typeLabel} ${row.version}`,
    ssh: false,
  },
};
