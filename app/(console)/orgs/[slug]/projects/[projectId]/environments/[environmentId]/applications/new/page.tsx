import type { Metadata } from "next";
import { ApplicationForm } from "@/components/projects/application-form";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ResourceRoleRequired } from "@/components/projects/resource-role-required";
import { loadNewApplicationPage } from "@/lib/pages/resource-item-pages";
import { createApplication } from "./actions";

export const metadata: Metadata = { title: "Add application" };

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string }> };

export default async function NewApplicationPage({ params }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadNewApplicationPage(slug, projectId, environmentId);
  if (!page.ok) return <ResourceRoleRequired {...page.denial} />;
  const { ctx, environment, trail, repositories } = page;
  return (
    <section aria-labelledby="new-application-heading" className="max-w-2xl">
      <ResourcePageHeader
        headingId="new-application-heading"
        title="Add application"
        trail={trail}
        description={`The application deploys a branch of a GitHub repository to ${environment.name}.`}
      />
      <ApplicationForm
        action={createApplication.bind(null, ctx.org.slug)}
        scope={{ projectId, environmentId }}
        saved={{ name: "", gitRepository: "", branch: "main" }}
        submitLabel="Add application"
        pendingLabel="Adding…"
        cancelHref={trail.environmentHref}
        repositories={repositories}
      />
    </section>
  );
}
