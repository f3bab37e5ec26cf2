import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { DatabaseView } from "@/lib/pages/resource-pages";
import { ResourceActions } from "./resource-actions";
import { ResourceRowMenu } from "./resource-row-menu";
import { nameLinkClass, rowHeaderClass, tableFrameClass } from "./table-styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  caption: string;
  databases: DatabaseView[];
  scope: { projectId: string; environmentId: string };
  denied: { edit?: string; delete?: string };
  deleteAction: Action | null;
  focusAfter: string;
};

/** Databases by name, each row with one menu (Edit, Delete); rendered only with database.read. */
export function DatabaseTable({ caption, databases, scope, denied, deleteAction, focusAfter }: Props) {
  return (
    <ResourceActions kind="database" scope={scope} deleteAction={deleteAction} focusAfter={focusAfter}>
      <div className={tableFrameClass}>
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Version</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {databases.map((row) => (
              <TableRow key={row.id} data-testid="database-row">
                <th scope="row" className={rowHeaderClass}>
                  <Link href={row.href} className={nameLinkClass}>
                    {row.name}
                  </Link>
                </th>
                <TableCell label="Type">{row.typeLabel}</TableCell>
                <TableCell label="Version">{row.version}</TableCell>
                <TableCell className="text-right max-md:justify-end">
                  <ResourceRowMenu row={{ id: row.id, name: row.name, summary: `${row.typeLabel} ${row.version}` }} editHref={row.href} denied={denied} ssh={false} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </ResourceActions>
  );
}
