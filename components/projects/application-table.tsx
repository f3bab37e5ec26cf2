import Link from "next/link";
import { rowButtonClass } from "@/components/clusters/styles";
import { ConfirmAction } from "@/components/members/confirm-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ApplicationView } from "@/lib/pages/resource-pages";
import { ApplicationSshDialog } from "./application-ssh-dialog";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  caption: string;
  applications: ApplicationView[];
  scope: { projectId: string; environmentId: string };
  /** Null when the caller may not edit (or delete) applications in this environment's mode. */
  canEdit: boolean;
  deleteAction: Action | null;
  /** Where focus goes after a delete removes the row. */
  focusAfter: string;
};

const cell = "px-3 py-2 align-top";

/** Applications by name, with Edit, Delete and Connect via SSH as the caller's permissions allow. */
export function ApplicationTable({ caption, applications, scope, canEdit, deleteAction, focusAfter }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Name</th>
            <th scope="col" className={cell}>Repository</th>
            <th scope="col" className={cell}>Branch</th>
            <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {applications.map((app) => (
            <tr key={app.id} data-testid="application-row">
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={app.href} className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
                  {app.name}
                </Link>
              </th>
              <td className={`${cell} font-mono text-xs`}>
                {app.gitRepository}
                {app.gitWarning && (
                  <p className="mt-1 max-w-md rounded border border-amber-300 bg-amber-50 px-2 py-1 font-sans text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="application-git-warning">
                    <span className="font-semibold">Warning: </span>
                    {app.gitWarning}
                  </p>
                )}
              </td>
              <td className={`${cell} font-mono text-xs`}>{app.branch}</td>
              <td className={cell}>
                <div className="flex flex-wrap justify-end gap-2">
                  {app.sshCommand && <ApplicationSshDialog applicationName={app.name} command={app.sshCommand} />}
                  {canEdit && (
                    <Link href={app.href} aria-label={`Edit ${app.name}`} className={rowButtonClass}>
                      Edit
                    </Link>
                  )}
                  {deleteAction && (
                    <ConfirmAction
                      trigger="Delete"
                      triggerName={`Delete ${app.name}`}
                      title={`Delete ${app.name}?`}
                      confirm="Delete application"
                      pendingLabel="Deleting…"
                      action={deleteAction}
                      fields={{ ...scope, applicationId: app.id }}
                      focusAfter={focusAfter}
                    >
                      The application {app.name} ({app.gitRepository}, branch {app.branch}) is removed from this environment. Its repository is not
                      touched.
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
