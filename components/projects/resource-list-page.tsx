import type { ActionResult, ActionState } from "@/lib/actions/result";
import { loadResourceListPage, resourceDenied } from "@/lib/pages/resource-pages";
import { pageNumber } from "@/lib/projects/resource-queries";
import { type ResourceKind, resourceLabels } from "@/lib/projects/resource-kinds";
import { AddResourceLink } from "./add-resource-link";
import { ResourcePageHeader } from "./resource-page-header";
import { ResourcePages } from "./resource-pagination";
import { ResourceRoleRequired } from "./resource-role-required";
import { ResourceTable } from "./resource-table";

type DeleteAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;

export type ResourceListProps = {
  params: Promise<{ slug: string; projectId: string; environmentId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

/** The page listing every resource of one kind in an environment (…/applications, …/databases). */
export async function ResourceListPage<K extends ResourceKind>({ kind, deleteAction, params, searchParams }: ResourceListProps & { kind: K; deleteAction: DeleteAction }) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadResourceListPage(kind, slug, projectId, environmentId, pageNumber((await searchParams).page));
  if (!page.ok) return <ResourceRoleRequired {...page.denial} />;
  const { ctx, environment, can, trail, list } = page;
  const labels = resourceLabels[kind];
  const denied = resourceDenied(can, kind);
  const heading = `${labels.many}-heading`;
  return (
    <section aria-labelledby={heading} className="max-w-5xl">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <ResourcePageHeader headingId={heading} title={labels.title} trail={trail} description={`${list.total} in ${environment.name}.`} />
        </div>
        <AddResourceLink href={`${trail.environmentHref}/${labels.many}/new`} label={`Add ${labels.one}`} deniedReason={denied.edit} />
      </div>
      <div className="mt-6">
        {list.total === 0 ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            No {labels.one} in {environment.name} yet.
          </p>
        ) : (
          <ResourceTable
            kind={kind}
            caption={`${labels.title} of ${environment.name}`}
            rows={list.rows}
            scope={{ projectId, environmentId }}
            denied={denied}
            deleteAction={denied.delete ? null : deleteAction.bind(null, ctx.org.slug)}
            focusAfter={heading}
          />
        )}
        <ResourcePages label={`${labels.title.slice(0, -1)} pages`} href={`${trail.environmentHref}/${labels.many}`} page={list.page} pages={list.pages} />
      </div>
    </section>
  );
}
