import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { primaryLinkClass, secondaryButtonClass } from "@/components/clusters/styles";
import { EnvironmentList } from "@/components/projects/environment-list";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { loadProjectPage, projectTitle, type SearchParam } from "@/lib/pages/project-pages";

type Props = { params: Promise<{ slug: string; projectId: string }>; searchParams: Promise<{ after?: SearchParam }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, projectId } = await params;
  return { title: (await projectTitle(slug, projectId)) ?? "Project not found" };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { slug, projectId } = await params;
  const page = await loadProjectPage(slug, projectId, await searchParams);
  if (!page) notFound();
  const { ctx, project } = page;
  const basePath = `/orgs/${ctx.org.slug}/projects/${project.id}`;
  return (
    <div className="space-y-6">
      <ProjectBreadcrumbs trail={[{ label: ctx.org.name, href: `/orgs/${ctx.org.slug}` }]} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Project key <code className="font-mono text-zinc-800 dark:text-zinc-200">{project.key}</code>
          </p>
        </div>
        <Link href={`${basePath}/settings`} className={secondaryButtonClass}>
          Project settings
        </Link>
      </header>
      <section aria-labelledby="environments-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="environments-heading" className="text-lg font-semibold">Environments</h2>
          {page.canCreateEnvironment && (
            <Link href={`${basePath}/environments/new`} className={primaryLinkClass}>
              New environment
            </Link>
          )}
        </div>
        <EnvironmentList
          projectName={project.name}
          basePath={basePath}
          environments={page.environments}
          after={page.after}
          nextCursor={page.nextCursor}
          emptyHint={page.canCreateEnvironment ? "Create one with New environment: production, staging, development or preview." : page.createDenied}
        />
      </section>
    </div>
  );
}
