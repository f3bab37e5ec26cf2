import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrgContext } from "@/lib/authz/context";
import { loadEnvironmentResources, resourceDenied, type EnvironmentSummary, type ResourceViews } from "@/lib/pages/resource-pages";
import type { Paged } from "@/lib/projects/resource-queries";
import { type ResourceKind, resourceLabels } from "@/lib/projects/resource-kinds";
import { AddResourceLink } from "./add-resource-link";
import { ResourceTable } from "./resource-table";

export type { EnvironmentSummary };

type DeleteAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;

const headingClass = "text-lg font-semibold";
const noteClass = "mt-1 text-sm text-zinc-600 dark:text-zinc-400";
const moreClass = "mt-2 inline-block text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

type Props = {
  ctx: OrgContext;
  environment: EnvironmentSummary;
  /** The environment route's delete actions, one per kind (its actions.ts). */
  deleteActions: Record<ResourceKind, DeleteAction>;
};

/**
 * The applications and databases of an environment, rendered on the environment page: the first
 * few of each by name, with links to the full (paged) lists. Buttons follow the permission of the
 * environment's mode; the databases section exists only for callers with database.read, and
 * nothing about databases is read for the others.
 */
export async function EnvironmentResources({ ctx, environment, deleteActions }: Props) {
  const view = await loadEnvironmentResources(ctx, environment);
  const scope = { projectId: environment.projectId, environmentId: environment.id };
  const section = <K extends ResourceKind>(kind: K, list: Paged<ResourceViews[K]> | null) => {
    if (!list) return null;
    const labels = resourceLabels[kind];
    const denied = resourceDenied(view.can, kind);
    const readOnly = view.readOnly[labels.many as "applications" | "databases"];
    const links = { all: `${view.links.base}/${labels.many}`, add: `${view.links.base}/${labels.many}/new` };
    return (
      <section aria-labelledby={`${labels.many}-heading`}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h2 id={`${labels.many}-heading`} tabIndex={-1} className={headingClass}>
              {labels.title}
            </h2>
            <p className={noteClass}>{readOnly ?? labels.blurb}</p>
          </div>
          <AddResourceLink href={links.add} label={`Add ${labels.one}`} deniedReason={readOnly} />
        </div>
        <div className="mt-4">
          {list.total === 0 ? (
            <EmptyState title={`No ${labels.one} in ${environment.name} yet.`} />
          ) : (
            <ResourceTable
              kind={kind}
              caption={`${labels.title} of ${environment.name}`}
              rows={list.rows}
              scope={scope}
              denied={denied}
              deleteAction={denied.delete ? null : deleteActions[kind].bind(null, ctx.org.slug)}
              focusAfter={`${labels.many}-heading`}
            />
          )}
          {list.total > list.rows.length && (
            <Link href={links.all} className={moreClass}>
              View all {list.total} {labels.many}
            </Link>
          )}
        </div>
      </section>
    );
  };
  return (
    <div className="space-y-10">
      {section("application", view.applications)}
      {section("database", view.databases)}
    </div>
  );
}
