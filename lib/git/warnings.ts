import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { pluralWord } from "@/lib/format";
import type { Bounded, PlacedApplication } from "./application-usage";
import { rowsOf } from "@/db/rows";
import type { InstallationSummary } from "./queries";

// What stopped working when the Git connection changed on GitHub, in words that name it: which
// repository, which application (and where), and what the application can no longer do. The Git
// page shows the organization's warnings; an application's page and its environment's list show
// its own.

export const gitAppName = "the Org Console GitHub App";
const lost = "can no longer be updated or auto-deployed";
const fixHere = "Organization settings → Git Permission";

type Place = { projectName: string; environmentName: string };

/** "web (Shop / production)" */
export function applicationLabel(app: { name: string } & Partial<Place>): string {
  return app.projectName && app.environmentName ? `${app.name} (${app.projectName} / ${app.environmentName})` : app.name;
}

/** "web (Shop / production), api (Shop / staging) and 3 more applications" */
export function applicationList(apps: { name: string; projectName: string; environmentName: string }[], total: number): string {
  const labels = apps.map(applicationLabel);
  const rest = total - labels.length;
  if (rest > 0) return `${labels.join(", ")} and ${rest} ${pluralWord(rest, "more application")}`;
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : (labels[0] ?? "");
}

export function missingRepositoryWarning(repository: string, applications: string): string {
  return `${repository} is no longer granted to ${gitAppName}: ${applications} ${lost}. Select the repository again in Manage permission.`;
}

/** The field error when a picker's choice (or a replayed form) names a repository outside the installation. */
export function repositoryNotGrantedMessage(repository: string): string {
  return `${repository} is not among the repositories granted to ${gitAppName}. Choose one of them; an owner or admin can grant more in Git Permission → Manage permission.`;
}

export type InstallationProblem = { kind: "uninstalled" | "suspended"; text: string };

/** Suspended or uninstalled on GitHub: every application of the organization is affected. */
export function installationProblem(installation: InstallationSummary, applicationCount: number): InstallationProblem | null {
  const affected = applicationCount > 0 ? `: ${applicationCount === 1 ? "its 1 application" : `all ${applicationCount} applications`} ${lost}` : "";
  if (installation.deletedOnGithubAt) {
    return {
      kind: "uninstalled",
      text: `${capitalize(gitAppName)} was uninstalled from ${installation.accountLogin} on GitHub${affected}. Disconnect to let the platform use the repositories your own Git account can see again, then install the App again to choose repositories.`,
    };
  }
  if (installation.suspendedAt) {
    return {
      kind: "suspended",
      text: `${capitalize(gitAppName)} is suspended on GitHub for ${installation.accountLogin}${affected}. Unsuspend it on GitHub in Manage permission.`,
    };
  }
  return null;
}

export type MissingRepository = { repository: string; applications: PlacedApplication[]; count: number; text: string };

export type OrgGitWarnings = { problem: InstallationProblem | null; missing: MissingRepository[]; missingApplications: number };

/**
 * The Git page's warnings from the installation and the applications split by grant
 * (applicationsByGrant): an installation-level problem says it all; otherwise one warning per
 * repository that applications use but the installation no longer grants.
 */
export function orgGitWarnings(installation: InstallationSummary, byGrant: { granted: Bounded<PlacedApplication>; missing: Bounded<PlacedApplication> }): OrgGitWarnings {
  const problem = installationProblem(installation, byGrant.granted.total + byGrant.missing.total);
  if (problem) return { problem, missing: [], missingApplications: 0 };
  const groups = new Map<string, PlacedApplication[]>();
  for (const app of byGrant.missing.rows) {
    const key = app.gitRepository.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), app]);
  }
  const missing = [...groups.values()].map((apps) => ({
    repository: apps[0].gitRepository,
    applications: apps,
    count: apps[0].applicationsOfRepository,
    text: missingRepositoryWarning(apps[0].gitRepository, applicationList(apps, apps[0].applicationsOfRepository)),
  }));
  return { problem: null, missing, missingApplications: byGrant.missing.total };
}

type WarnedApplication = { id: string; name: string; gitRepository: string };

/**
 * Each application's warning, if the organization's installation stopped serving it (suspended,
 * uninstalled on GitHub, or its repository no longer granted). `place` names where they live when
 * the text is read away from their environment. One statement, none for an empty list.
 */
export async function applicationGitWarnings(db: Queryable, orgId: string, apps: WarnedApplication[], place?: Place): Promise<Map<string, string>> {
  const warnings = new Map<string, string>();
  if (apps.length === 0) return warnings;
  const names = [...new Set(apps.map((app) => app.gitRepository.toLowerCase()))];
  const [row] = await rowsOf<{ suspended: boolean; uninstalled: boolean; granted: string[] | null }>(
    db,
    sql`select i.suspended_at is not null as suspended, i.deleted_on_github_at is not null as uninstalled,
          (select json_agg(distinct lower(r.full_name)) from git_repositories r
            where r.org_id = ${orgId} and r.installation_row_id = i.id
              and lower(r.full_name) in (${sql.join(names.map((name) => sql`${name}`), sql`, `)})) as granted
        from git_installations i where i.org_id = ${orgId}`,
  );
  if (!row) return warnings;
  const granted = new Set(row.granted ?? []);
  for (const app of apps) {
    const label = applicationLabel({ name: app.name, ...place });
    if (row.uninstalled) {
      warnings.set(app.id, `${capitalize(gitAppName)} was uninstalled on GitHub: ${label} ${lost}. An owner or admin can reconnect it in ${fixHere}.`);
    } else if (row.suspended) {
      warnings.set(app.id, `${capitalize(gitAppName)} is suspended on GitHub: ${label} ${lost} until an owner or admin unsuspends it (${fixHere} → Manage permission).`);
    } else if (!granted.has(app.gitRepository.toLowerCase())) {
      warnings.set(
        app.id,
        `${app.gitRepository} is no longer granted to ${gitAppName}: ${label} ${lost}. An owner or admin can select the repository again in ${fixHere} → Manage permission.`,
      );
    }
  }
  return warnings;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
