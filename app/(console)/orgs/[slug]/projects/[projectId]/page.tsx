import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnvironmentList } from "@/components/projects/environment-list";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { buttonClass } from "@/components/ui/button-styles";
import { DisabledButton } from "@/components/ui/disabled-button";
import { PageHeader } from "@/components/ui/page-header";
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
      <PageHeader
        title={project.name}
        description={
          <>
            Project key <code className="font-mono text-zinc-800 dark:text-zinc-200">{project.key}</code>
          </>
        }
        actions={
          <Link href={`${basePath}/settings`} className={buttonClass({ variant: "secondary" })}>
            Project settings
          </Link>
        }
      />
      <section aria-labelledby="environments-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="environments-heading" className="text-lg font-semibold">Environments</h2>
          {page.canCreateEnvironment ? (
            <Link href={`${basePath}/environments/new`} className={buttonClass()}>
              New environment
            </Link>
          ) : (
            <DisabledButton reason={page.createDenied}>New environment</DisabledButton>
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
