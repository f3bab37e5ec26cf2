import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnvironmentNoCluster } from "@/components/projects/environment-no-cluster";
import { ProjectBreadcrumbs } from "@/components/projects/project-breadcrumbs";
import { ProjectDeleteForm } from "@/components/projects/project-delete-form";
import { ProjectRenameForm } from "@/components/projects/project-rename-form";
import { panelClass } from "@/components/projects/project-styles";
import { RuleForm } from "@/components/projects/rule-form";
import { RuleList } from "@/components/projects/rule-list";
import { buttonClass } from "@/components/ui/button-styles";
import { environmentModes } from "@/db/schema/values";
import { loadProjectSettingsPage } from "@/lib/pages/project-pages";
import { modeLabels } from "@/lib/projects/modes";
import { rulesPerProject } from "@/lib/projects/rules";
import { addRule, deleteProject, deleteRule, editRule, moveRule, renameProject } from "./actions";

export const metadata: Metadata = { title: "Project settings" };

type Props = { params: Promise<{ slug: string; projectId: string }> };

const modeOptions = environmentModes.map((mode) => ({ value: mode, label: modeLabels[mode] }));

export default async function ProjectSettingsPage({ params }: Props) {
  const { slug, projectId } = await params;
  const page = await loadProjectSettingsPage(slug, projectId);
  if (!page) notFound();
  const { ctx, project, can } = page;
  const projectHref = `/orgs/${ctx.org.slug}/projects/${project.id}`;
  const clusterOptions = page.clusters.map((cluster) => ({ value: cluster.id, label: cluster.isDefault ? `${cluster.name} (default)` : cluster.name }));
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <ProjectBreadcrumbs
          trail={[
            { label: ctx.org.name, href: `/orgs/${ctx.org.slug}` },
            { label: project.name, href: projectHref },
          ]}
        />
        <h1 className="mt-1 text-2xl font-semibold">Project settings</h1>
      </div>

      <section aria-labelledby="general-heading" className={panelClass}>
        <h2 id="general-heading" className="text-lg font-semibold">General</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Project key <code className="font-mono text-zinc-800 dark:text-zinc-200">{project.key}</code>
        </p>
        <ProjectRenameForm action={renameProject.bind(null, ctx.org.slug)} projectId={project.id} name={project.name} denied={can.edit ? null : page.denied.edit} />
      </section>

      <section aria-labelledby="rules-heading" className={panelClass}>
        <h2 id="rules-heading" tabIndex={-1} className="text-lg font-semibold">Deployment rules</h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          When a new environment&apos;s cluster is left on Automatic, the first rule whose pattern matches its name chooses its cluster
          (and, with the mode on Automatic, its mode). With no match it goes to the organization&apos;s default cluster.
        </p>
        {!can.edit && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{page.denied.edit}</p>}
        <RuleList
          projectId={project.id}
          rules={page.rules}
          clusters={clusterOptions}
          modes={modeOptions}
          denied={page.denied.edit}
          actions={can.edit ? { edit: editRule.bind(null, ctx.org.slug), move: moveRule.bind(null, ctx.org.slug), remove: deleteRule.bind(null, ctx.org.slug) } : null}
        />
        {can.edit && page.clusters.length === 0 && <EnvironmentNoCluster orgSlug={ctx.org.slug} canManageClusters={can.manageClusters} />}
        {can.edit && page.clusters.length > 0 && page.rules.length < rulesPerProject && (
          <div className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <h3 className="mb-3 text-base font-semibold">Add rule</h3>
            <RuleForm
              action={addRule.bind(null, ctx.org.slug)}
              hidden={{ projectId: project.id }}
              clusters={clusterOptions}
              modes={modeOptions}
              saved={{ pattern: "", clusterId: page.clusters[0].id, mode: "development" }}
              submitLabel="Add rule"
              pendingLabel="Adding…"
            />
          </div>
        )}
      </section>

      {can.transfer && (
        <section aria-labelledby="transfer-heading" className={panelClass}>
          <h2 id="transfer-heading" className="text-lg font-semibold">Transfer project</h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Move this project, its environments, applications and databases to another organization you may create projects in.
          </p>
          <Link href={`${projectHref}/transfer`} className={buttonClass({ variant: "secondary", className: "mt-3" })}>
            Transfer project
          </Link>
        </section>
      )}

      <section aria-labelledby="delete-heading" className="rounded-lg border border-red-300 bg-white p-5 dark:border-red-900 dark:bg-zinc-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">Delete project</h2>
        {can.delete ? (
          <>
            <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
              Deletes {project.name}
              {page.loss && page.loss !== "nothing else" ? ` with ${page.loss}` : ""}. The CLI&apos;s key {project.key} stops resolving
              to it. This cannot be undone.
            </p>
            <ProjectDeleteForm action={deleteProject.bind(null, ctx.org.slug)} projectId={project.id} name={project.name} />
          </>
        ) : (
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{page.denied.delete}</p>
        )}
      </section>
    </div>
  );
}
