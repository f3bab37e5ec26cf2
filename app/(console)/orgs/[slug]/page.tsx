import type { Metadata } from "next";
import Link from "next/link";
import { ProjectList } from "@/components/projects/project-list";
import { deniedReason, roleLabels } from "@/lib/authz/permissions";
import { planLabel } from "@/lib/orgs/plans";
import { orgHref, settingsSections } from "@/lib/orgs/sections";
import { loadOrgPage } from "@/lib/pages/org-page";
import { loadOrgHomePage } from "@/lib/pages/project-pages";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[]; after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await loadOrgPage((await params).slug);
  return { title: org.name };
}

export default async function OrganizationHome({ params, searchParams }: Props) {
  const home = await loadOrgHomePage((await params).slug, await searchParams);
  const { ctx } = home;
  const { org } = ctx;
  const openSettings = settingsSections.filter((section) => ctx.can(section.permission));
  const facts = [
    ["Kind", org.kind === "personal" ? "Personal organization" : "Team organization"],
    ["Plan", planLabel(org.plan)],
    ["Your role", roleLabels[ctx.role]],
  ];
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold break-words">{org.name}</h1>
        {org.description && <p className="mt-2 max-w-2xl text-zinc-700 dark:text-zinc-300">{org.description}</p>}
      </header>
      <dl className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <dt className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{label}</dt>
            <dd className="mt-1 font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <ProjectList
        orgSlug={org.slug}
        orgName={org.name}
        query={home.query}
        after={home.after}
        projects={home.projects}
        nextCursor={home.nextCursor}
        createDenied={home.canCreate ? null : deniedReason("project.create")}
      />
      {org.kind === "personal" && (
        <p className="max-w-2xl text-sm text-zinc-700 dark:text-zinc-300">
          This is your personal organization: a private workspace for your own projects. It cannot be deleted and cannot have other
          members; create a team organization to work with others.
        </p>
      )}
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="text-lg font-semibold">Organization settings</h2>
        {!ctx.can("org.read") && (
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
            Settings are open to owners and admins. Ask one of them if something needs to change. You can leave the organization from the
            Danger Zone.
          </p>
        )}
        <ul className="mt-3 flex flex-wrap gap-2">
          {openSettings.map((section) => (
            <li key={section.path}>
              <Link href={orgHref(org.slug, section.path)} className="inline-block rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
