import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnvironmentForm } from "@/components/projects/environment-form";
import { EnvironmentNoCluster } from "@/components/projects/environment-no-cluster";
import { ProjectAccessNote } from "@/components/projects/project-access-note";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { loadNewEnvironmentPage } from "@/lib/pages/environment-pages";
import { createEnvironment } from "./actions";

export const metadata: Metadata = { title: "New environment" };

type Props = { params: Promise<{ slug: string; projectId: string }> };

export default async function NewEnvironmentPage({ params }: Props) {
  const { slug, projectId } = await params;
  const page = await loadNewEnvironmentPage(slug, projectId);
  if (!page) notFound();
  const { ctx, project, placement } = page;
  const projectHref = `/orgs/${ctx.org.slug}/projects/${project.id}`;
  if (!page.canCreate) {
    return <ProjectAccessNote title="You cannot create environments here" reason={page.createDenied} backHref={projectHref} backLabel={`Back to ${project.name}`} />;
  }
  return (
    <section aria-labelledby="new-environment-heading" className="max-w-2xl">
      <ProjectBreadcrumbs
        trail={[
          { label: ctx.org.name, href: `/orgs/${ctx.org.slug}` },
          { label: project.name, href: projectHref },
        ]}
      />
      <h1 id="new-environment-heading" className="mt-1 text-xl font-semibold">New environment</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Production environments are guarded by the production permissions; staging, development and preview environments by the
        development ones.
      </p>
      {placement.clusters.length === 0 ? (
        <EnvironmentNoCluster orgSlug={ctx.org.slug} canManageClusters={page.canManageClusters} />
      ) : (
        <EnvironmentForm
          action={createEnvironment.bind(null, ctx.org.slug)}
          hidden={{ projectId: project.id }}
          modes={page.modes}
          clusters={placement.clusters}
          defaultClusterName={placement.defaultCluster?.name ?? null}
          saved={{ name: "", mode: "automatic", clusterId: "automatic" }}
          modeHint={page.productionDenied ?? "Automatic takes the mode of the matching deployment rule, else Development."}
          submitLabel="Create environment"
          pendingLabel="Creating…"
          cancelHref={projectHref}
        />
      )}
    </section>
  );
}
