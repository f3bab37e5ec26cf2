import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnvironmentCluster, EnvironmentModeBadge, EnvironmentStatusBadge } from "@/components/projects/environment-badges";
import { EnvironmentControls } from "@/components/projects/environment-controls";
import { EnvironmentResources } from "@/components/projects/environment-resources";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { loadEnvironmentPage } from "@/lib/pages/environment-pages";
import { deleteApplication, deleteDatabase, deleteEnvironment, startEnvironment, stopEnvironment } from "./actions";

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, projectId, environmentId } = await params;
  const page = await loadEnvironmentPage(slug, projectId, environmentId);
  return { title: page ? `${page.environment.name} · ${page.project.name}` : "Environment not found" };
}

export default async function EnvironmentPage({ params }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!page) notFound();
  const { ctx, project, environment, can, denied } = page;
  const projectHref = `/orgs/${ctx.org.slug}/projects/${project.id}`;
  const running = environment.status === "running";
  // The domain checks the permission of the mode the environment has when the action runs.
  const toggle = running ? stopEnvironment : startEnvironment;
  const facts: [string, React.ReactNode][] = [
    ["Mode", <EnvironmentModeBadge key="mode" mode={environment.mode} label={environment.modeLabel} />],
    ["Cluster", <EnvironmentCluster key="cluster" name={environment.clusterName} automatic={environment.automaticCluster} />],
    ["Status", <EnvironmentStatusBadge key="status" status={environment.display} />],
    ["Created", environment.createdAt.toISOString().slice(0, 10)],
  ];
  return (
    <div className="space-y-6">
      <ProjectBreadcrumbs
        trail={[
          { label: ctx.org.name, href: `/orgs/${ctx.org.slug}` },
          { label: project.name, href: projectHref },
        ]}
      />
      <header>
        <h1 className="text-2xl font-semibold">{environment.name}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Environment of {project.name}</p>
      </header>
      <dl className="grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-4" data-testid="environment-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <dt className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{label}</dt>
            <dd className="mt-1 font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <EnvironmentControls
        environment={{ id: environment.id, name: environment.name, projectId: project.id, running }}
        editHref={`${projectHref}/environments/${environment.id}/edit`}
        edit={{ allowed: can.edit, reason: denied.edit }}
        toggle={{ allowed: can.stop, reason: denied.stop, action: can.stop ? toggle.bind(null, ctx.org.slug) : null }}
        remove={{ allowed: can.delete, reason: denied.delete, action: can.delete ? deleteEnvironment.bind(null, ctx.org.slug) : null }}
      />
      <EnvironmentResources
        ctx={ctx}
        environment={{ id: environment.id, name: environment.name, mode: environment.mode, projectId: project.id }}
        deleteActions={{ application: deleteApplication, database: deleteDatabase }}
      />
    </div>
  );
}
