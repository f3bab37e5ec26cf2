import type { Metadata } from "next";
import { ApplicationForm } from "@/components/projects/application-form";
import { ApplicationSshButton } from "@/components/projects/application-ssh-button";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ConfirmDeleteButton } from "@/components/projects/confirm-delete-button";
import { loadApplicationPage } from "@/lib/pages/resource-item-pages";
import { deleteApplication, updateApplication } from "./actions";

export const metadata: Metadata = { title: "Application" };

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string; applicationId: string }> };

const detail = "grid grid-cols-[8rem_1fr] gap-y-2 text-sm";

export default async function ApplicationPage({ params }: Props) {
  const { slug, projectId, environmentId, applicationId } = await params;
  const { ctx, application, can, trail, readOnlyReason, repositories } = await loadApplicationPage(slug, projectId, environmentId, applicationId);
  const update = updateApplication.bind(null, ctx.org.slug);
  const remove = deleteApplication.bind(null, ctx.org.slug);
  const scope = { projectId, environmentId };
  return (
    <section aria-labelledby="application-heading" className="max-w-2xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <ResourcePageHeader headingId="application-heading" title={application.name} trail={trail} />
        </div>
        {application.sshCommand && <ApplicationSshButton applicationName={application.name} command={application.sshCommand} />}
      </div>
      {application.gitWarning && (
        <div role="note" aria-label="Git warning" className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="application-git-warning">
          <p className="font-semibold">Warning</p>
          <p>{application.gitWarning}</p>
        </div>
      )}
      {readOnlyReason ? (
        <>
          <dl className={`mt-6 ${detail}`}>
            <dt className="font-medium">Git repository</dt>
            <dd className="font-mono">{application.gitRepository}</dd>
            <dt className="font-medium">Branch</dt>
            <dd className="font-mono">{application.branch}</dd>
          </dl>
          <p className="mt-6 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
            {readOnlyReason}
          </p>
        </>
      ) : (
        <ApplicationForm
          action={update}
          scope={scope}
          applicationId={application.id}
          saved={{ name: application.name, gitRepository: application.gitRepository, branch: application.branch }}
          submitLabel="Update"
          pendingLabel="Updating…"
          cancelHref={trail.environmentHref}
          repositories={repositories}
        />
      )}
      {can.deleteApplications && (
        <section aria-labelledby="delete-application-heading" className="mt-10 rounded-lg border border-red-200 p-4 dark:border-red-900">
          <h2 id="delete-application-heading" className="font-semibold">
            Delete application
          </h2>
          <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">Removes {application.name} from {trail.environmentName}. Its repository is not touched.</p>
          <ConfirmDeleteButton
            label="Delete application"
            accessibleName={`Delete ${application.name}`}
            title={`Delete ${application.name}?`}
            confirmLabel="Delete application"
            action={remove}
            fields={{ ...scope, applicationId: application.id, after: "environment" }}
          >
            The application {application.name} ({application.gitRepository}, branch {application.branch}) is removed from {trail.environmentName}.
          </ConfirmDeleteButton>
        </section>
      )}
    </section>
  );
}
