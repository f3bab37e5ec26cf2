import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnvironmentForm } from "@/components/projects/environment-form";
import { ProjectAccessNote } from "@/components/projects/project-access-note";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { loadEditEnvironmentPage } from "@/lib/pages/environment-pages";
import { editEnvironment } from "./actions";

export const metadata: Metadata = { title: "Edit environment" };

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string }> };

export default async function EditEnvironmentPage({ params }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadEditEnvironmentPage(slug, projectId, environmentId);
  if (!page) notFound();
  const { ctx, project, environment, placement } = page;
  const projectHref = `/orgs/${ctx.org.slug}/projects/${project.id}`;
  const environmentHref = `${projectHref}/environments/${environment.id}`;
  if (!page.can.edit) {
    return <ProjectAccessNote title="You cannot edit this environment" reason={page.denied.edit} backHref={environmentHref} backLabel={`Back to ${environment.name}`} />;
  }
  return (
    <section aria-labelledby="edit-environment-heading" className="max-w-2xl">
      <ProjectBreadcrumbs
        trail={[
          { label: ctx.org.name, href: `/orgs/${ctx.org.slug}` },
          { label: project.name, href: projectHref },
          { label: environment.name, href: environmentHref },
        ]}
      />
      <h1 id="edit-environment-heading" className="mt-1 text-xl font-semibold">Edit {environment.name}</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Saving with the cluster on Automatic applies the deployment rules and the default cluster again, which may move the environment.
      </p>
      <EnvironmentForm
        action={editEnvironment.bind(null, ctx.org.slug)}
        hidden={{ projectId: project.id, environmentId: environment.id }}
        modes={page.modes}
        clusters={placement.clusters}
        defaultClusterName={placement.defaultCluster?.name ?? null}
        saved={{ name: environment.name, mode: environment.mode, clusterId: environment.automaticCluster ? "automatic" : environment.clusterId }}
        modeHint={page.productionDenied ?? undefined}
        submitLabel="Save environment"
        pendingLabel="Saving…"
        cancelHref={environmentHref}
      />
    </section>
  );
}
