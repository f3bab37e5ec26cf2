import type { Metadata } from "next";
import { DatabaseForm } from "@/components/projects/database-form";
import { ResourcePageHeader } from "@/components/projects/resource-page-header";
import { ResourceRoleRequired } from "@/components/projects/resource-role-required";
import { loadNewDatabasePage } from "@/lib/pages/resource-item-pages";
import { createDatabase } from "./actions";

export const metadata: Metadata = { title: "Add database" };

type Props = { params: Promise<{ slug: string; projectId: string; environmentId: string }> };

export default async function NewDatabasePage({ params }: Props) {
  const { slug, projectId, environmentId } = await params;
  const page = await loadNewDatabasePage(slug, projectId, environmentId);
  if (!page.ok) return <ResourceRoleRequired {...page.denial} />;
  const { ctx, environment, trail } = page;
  return (
    <section aria-labelledby="new-database-heading" className="max-w-2xl">
      <ResourcePageHeader
        headingId="new-database-heading"
        title="Add database"
        trail={trail}
        description={`A managed PostgreSQL, MySQL, MongoDB or Redis database for the applications of ${environment.name}.`}
      />
      <DatabaseForm
        action={createDatabase.bind(null, ctx.org.slug)}
        scope={{ projectId, environmentId }}
        saved={{ name: "", type: "postgresql", version: "17" }}
        submitLabel="Add database"
        pendingLabel="Adding…"
        cancelHref={trail.environmentHref}
      />
    </section>
  );
}
