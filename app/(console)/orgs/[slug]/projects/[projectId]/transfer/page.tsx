import type { Metadata } from "next";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { RoleRequired } from "@/components/ui/role-required";
import { destinationLimit, loadProjectTransferPage, previewEnvironmentLimit } from "@/lib/pages/project-transfer-page";
import { transferProjectAction } from "./actions";
import { DestinationPicker } from "./_components/destination-picker";
import { TransferBlockers } from "./_components/transfer-blockers";
import { TransferPreview } from "./_components/transfer-preview";
import { TransferProjectForm } from "./_components/transfer-project-form";

export const metadata: Metadata = { title: "Transfer project" };

type Search = { to?: string | string[]; q?: string | string[] };
type Props = { params: Promise<{ slug: string; projectId: string }>; searchParams: Promise<Search> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";

export default async function ProjectTransferPage({ params, searchParams }: Props) {
  const { slug, projectId } = await params;
  const search = await searchParams;
  const access = await loadProjectTransferPage(slug, projectId, { to: first(search.to), q: first(search.q) });
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, project, destinations, moreDestinations, query, chosen, preview } = access.page;
  const { org } = ctx;
  const projectHref = `/orgs/${org.slug}/projects/${project.id}`;
  const plan = preview?.ok ? preview.plan : null;
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <ProjectBreadcrumbs
          trail={[
            { label: org.name, href: `/orgs/${org.slug}` },
            { label: project.name, href: projectHref },
            { label: "Settings", href: `${projectHref}/settings` },
          ]}
        />
        <h1 className="mt-2 text-xl font-semibold">Transfer project</h1>
        <p className={lead}>
          Move {project.name} from {org.name} to another organization you belong to. Transferring is immediate: the project and all its data then
          belong to the new organization, and access is governed by its membership.
        </p>
      </div>

      <section aria-labelledby="destination-heading">
        <h2 id="destination-heading" className="text-lg font-semibold">
          Destination
        </h2>
        <DestinationPicker
          basePath={`${projectHref}/transfer`}
          destinations={destinations}
          moreDestinations={moreDestinations}
          limit={destinationLimit}
          query={query}
          chosen={chosen}
        />
        {preview && !preview.ok && (
          <p className="mt-3 text-sm font-medium text-red-700 dark:text-red-400" data-testid="destination-refused">
            {preview.message}
          </p>
        )}
      </section>

      {plan && (
        <>
          <TransferPreview plan={plan} environmentLimit={previewEnvironmentLimit} />
          {plan.blockers.length > 0 && <TransferBlockers id="transfer-blockers" blockers={plan.blockers} />}
          <section aria-labelledby="confirm-heading" className="rounded-lg border border-red-200 p-5 dark:border-red-900">
            <h2 id="confirm-heading" className="text-lg font-semibold">
              Transfer {project.name} to {plan.destination.name}
            </h2>
            <p className={`${lead} mb-4`}>This cannot be undone from {org.name}: to bring the project back, transfer it again from {plan.destination.name}.</p>
            <TransferProjectForm
              key={plan.destination.slug}
              action={transferProjectAction.bind(null, org.slug)}
              projectId={project.id}
              projectName={project.name}
              destinationSlug={plan.destination.slug}
              destinationName={plan.destination.name}
              blockedBy={plan.blockers.length > 0 ? "transfer-blockers-list" : null}
            />
          </section>
        </>
      )}
    </div>
  );
}
