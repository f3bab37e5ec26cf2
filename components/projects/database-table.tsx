import Link from "next/link";
import { rowButtonClass } from "@/components/clusters/styles";
import { ConfirmAction } from "@/components/members/confirm-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { DatabaseView } from "@/lib/pages/resource-pages";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  caption: string;
  databases: DatabaseView[];
  scope: { projectId: string; environmentId: string };
  canEdit: boolean;
  deleteAction: Action | null;
  focusAfter: string;
};

const cell = "px-3 py-2 align-top";

/** Databases by name, with Edit and Delete as the caller's permissions allow (rendered only with database.read). */
export function DatabaseTable({ caption, databases, scope, canEdit, deleteAction, focusAfter }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Name</th>
            <th scope="col" className={cell}>Type</th>
            <th scope="col" className={cell}>Version</th>
            <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {databases.map((row) => (
            <tr key={row.id} data-testid="database-row">
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={row.href} className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
                  {row.name}
                </Link>
              </th>
              <td className={cell}>{row.typeLabel}</td>
              <td className={cell}>{row.version}</td>
              <td className={cell}>
                <div className="flex flex-wrap justify-end gap-2">
                  {canEdit && (
                    <Link href={row.href} aria-label={`Edit ${row.name}`} className={rowButtonClass}>
                      Edit
                    </Link>
                  )}
                  {deleteAction && (
                    <ConfirmAction
                      trigger="Delete"
                      triggerName={`Delete ${row.name}`}
                      title={`Delete ${row.name}?`}
                      confirm="Delete database"
                      pendingLabel="Deleting…"
                      action={deleteAction}
                      fields={{ ...scope, databaseId: row.id }}
                      focusAfter={focusAfter}
                    >
                      The {row.typeLabel} {row.version} database {row.name} is removed from this environment, with its data.
                    </ConfirmAction>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
