import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ResourceKind } from "@/lib/projects/resource-kinds";
import { ResourceActions } from "./resource-actions";
import { type ResourceColumns, resourceColumns, type ResourceViews } from "./resource-columns";
import { ResourceRowMenu } from "./resource-row-menu";
import { nameLinkClass, rowHeaderClass, tableFrameClass } from "./table-styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props<K extends ResourceKind> = {
  kind: K;
  caption: string;
  rows: ResourceViews[K][];
  scope: { projectId: string; environmentId: string };
  /** Why the caller may not edit, delete or open a shell here (absent: allowed). */
  denied: { edit?: string; delete?: string; ssh?: string };
  deleteAction: Action | null;
  /** Where focus goes after a delete removes the row. */
  focusAfter: string;
};

/**
 * The resources of one kind by name, with the kind's columns (resource-columns.tsx); each row's one
 * menu holds Edit, Connect via SSH (applications) and Delete, the dialogs live once below.
 */
export function ResourceTable<K extends ResourceKind>({ kind, caption, rows, scope, denied, deleteAction, focusAfter }: Props<K>) {
  const { columns, summary, ssh } = resourceColumns[kind] as ResourceColumns<ResourceViews[K]>;
  return (
    <ResourceActions kind={kind} scope={scope} deleteAction={deleteAction} focusAfter={focusAfter}>
      <div className={tableFrameClass}>
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              {columns.map((column) => (
                <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
              ))}
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid={`${kind}-row`}>
                <th scope="row" className={rowHeaderClass}>
                  <Link href={row.href} className={nameLinkClass}>
                    {row.name}
                  </Link>
                </th>
                {columns.map((column) => (
                  <TableCell key={column.header} label={column.header} className={column.className}>
                    {column.cell(row)}
                  </TableCell>
                ))}
                <TableCell className="text-right max-md:justify-end">
                  <ResourceRowMenu
                    row={{ id: row.id, name: row.name, summary: summary(row), sshCommand: "sshCommand" in row ? row.sshCommand : undefined }}
                    editHref={row.href}
                    denied={denied}
                    ssh={ssh}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </ResourceActions>
  );
}
