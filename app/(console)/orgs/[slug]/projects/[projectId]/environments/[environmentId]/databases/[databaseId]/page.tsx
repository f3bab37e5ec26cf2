import type { Metadata } from "next";
import { ConfirmDeleteButton } from "@/components/projects/confirm-delete-button";
import { DatabaseForm } from "@/components/projects/database-form";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ResourceRoleRequired } from "@/components/projects/resource-role-required";
import { loadDatabasePage } from "@/lib/pages/resource-item-pages";
import { deleteDatabase, updateDatabase } from "./actions";

export const metadata: Metadata = { title: "Database" };

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string; databaseId: string }> };

export default async function DatabasePage({ params }: Props) {
  const { slug, projectId, environmentId, databaseId } = await params;
  const page = await loadDatabasePage(slug, projectId, environmentId, databaseId);
  if (!page.ok) return <ResourceRoleRequired {...page.denial} />;
  const { ctx, database, versions, can, trail, readOnlyReason } = page;
  const update = updateDatabase.bind(null, ctx.org.slug);
  const remove = deleteDatabase.bind(null, ctx.org.slug);
  const scope = { projectId, environmentId };
  return (
    <section aria-labelledby="database-heading" className="max-w-2xl">
      <ResourcePageHeader headingId="database-heading" title={database.name} trail={trail} />
      {readOnlyReason ? (
        <>
          <dl className="mt-6 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="font-medium">Type</dt>
            <dd>{database.typeLabel}</dd>
            <dt className="font-medium">Version</dt>
            <dd>{database.version}</dd>
          </dl>
          <p className="mt-6 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
            {readOnlyReason}
          </p>
        </>
      ) : (
        <DatabaseForm
          action={update}
          scope={scope}
          databaseId={database.id}
          saved={{ name: database.name, type: database.type, version: database.version }}
          versions={versions}
          submitLabel="Update"
          pendingLabel="Updating…"
          cancelHref={trail.environmentHref}
        />
      )}
      {can.deleteDatabases && (
        <section aria-labelledby="delete-database-heading" className="mt-10 rounded-lg border border-red-200 p-4 dark:border-red-900">
          <h2 id="delete-database-heading" className="font-semibold">
            Delete database
          </h2>
          <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">Removes {database.name} and its data from {trail.environmentName}.</p>
          <ConfirmDeleteButton
            label="Delete database"
            accessibleName={`Delete ${database.name}`}
            title={`Delete ${database.name}?`}
            confirmLabel="Delete database"
            action={remove}
            fields={{ ...scope, databaseId: database.id, after: "environment" }}
          >
            The {database.typeLabel} {database.version} database {database.name} is removed from {trail.environmentName}, with its data.
          </ConfirmDeleteButton>
        </section>
      )}
    </section>
  );
}
