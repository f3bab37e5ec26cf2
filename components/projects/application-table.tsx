import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ApplicationView } from "@/lib/pages/resource-pages";
import { ResourceActions } from "./resource-actions";
import { ResourceRowMenu } from "./resource-row-menu";
import { nameLinkClass, rowHeaderClass, tableFrameClass } from "./table-styles";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  caption: string;
  applications: ApplicationView[];
  scope: { projectId: string; environmentId: string };
  /** Why the caller may not edit, delete or open a shell here (absent: allowed). */
  denied: { edit?: string; delete?: string; ssh?: string };
  deleteAction: Action | null;
  /** Where focus goes after a delete removes the row. */
  focusAfter: string;
};

/** Applications by name; each row's one menu holds Edit, Connect via SSH and Delete, the dialogs live once below. */
export function ApplicationTable({ caption, applications, scope, denied, deleteAction, focusAfter }: Props) {
  return (
    <ResourceActions kind="application" scope={scope} deleteAction={deleteAction} focusAfter={focusAfter}>
      <div className={tableFrameClass}>
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Repository</TableHeaderCell>
              <TableHeaderCell>Branch</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {applications.map((app) => (
              <TableRow key={app.id} data-testid="application-row">
                <th scope="row" className={rowHeaderClass}>
                  <Link href={app.href} className={nameLinkClass}>
                    {app.name}
                  </Link>
                </th>
                <TableCell label="Repository" className="font-mono text-xs break-all">
                  {app.gitRepository}
                  {app.gitWarning && (
                    <span className="mt-1 block max-w-md rounded border border-amber-300 bg-amber-50 px-2 py-1 font-sans text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="application-git-warning">
                      <span className="font-semibold">Warning: </span>
                      {app.gitWarning}
                    </span>
                  )}
                </TableCell>
                <TableCell label="Branch" className="font-mono text-xs break-all">
                  {app.branch}
                </TableCell>
                <TableCell className="text-right max-md:justify-end">
                  <ResourceRowMenu
                    row={{ id: app.id, name: app.name, summary: `${app.gitRepository}, branch ${app.branch}`, sshCommand: app.sshCommand }}
                    editHref={app.href}
                    denied={denied}
                    ssh
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
