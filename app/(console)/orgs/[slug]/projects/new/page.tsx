import type { Metadata } from "next";
import { ProjectAccessNote } from "@/components/projects/project-access-note";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { ProjectNewForm } from "@/components/projects/project-new-form";
import { noticeClass } from "@/components/projects/project-styles";
import { loadNewProjectPage } from "@/lib/pages/project-pages";
import { createProject } from "./actions";

export const metadata: Metadata = { title: "New project" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewProjectPage({ params }: Props) {
  const { ctx, canCreate, denied, usage } = await loadNewProjectPage((await params).slug);
  const homeHref = `/orgs/${ctx.org.slug}`;
  if (!canCreate) return <ProjectAccessNote title="You cannot create projects here" reason={denied} backHref={homeHref} backLabel={`Back to ${ctx.org.name}`} />;
  const full = usage.limit !== null && usage.used >= usage.limit;
  return (
    <section aria-labelledby="new-project-heading" className="max-w-2xl">
      <ProjectBreadcrumbs trail={[{ label: ctx.org.name, href: homeHref }]} />
      <h1 id="new-project-heading" className="mt-1 text-xl font-semibold">New project</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        A project holds the environments of one application (production, staging, previews…), each running on one of the
        organization&apos;s clusters.
      </p>
      {usage.limit !== null && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {usage.used} of {usage.limit} projects on the {usage.planLabel} plan.
        </p>
      )}
      {full ? (
        <p className={`mt-6 ${noticeClass}`}>
          The {usage.planLabel} plan allows {usage.limit} project{usage.limit === 1 ? "" : "s"}, and {ctx.org.name} has {usage.used}. Delete
          one or change plan to create another.
        </p>
      ) : (
        <ProjectNewForm action={createProject.bind(null, ctx.org.slug)} cancelHref={homeHref} />
      )}
    </section>
  );
}
