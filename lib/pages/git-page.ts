import "server-only";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { applicationsByGrant, type Bounded, type PlacedApplication, repositoryUsage, type RepositoryUsage } from "@/lib/git/application-usage";
import { manageUrl } from "@/lib/git/client";
import { githubAppConfig, githubUrls } from "@/lib/git/config";
import { setupErrorMessage } from "@/lib/git/messages";
import { type ApplicationPlace, findInstallation, type InstallationSummary, listRepositories, type RepositoryRow, repositoryCursor } from "@/lib/git/queries";
import { type MissingRepository, type OrgGitWarnings, orgGitWarnings } from "@/lib/git/warnings";
import { appUrl } from "@/lib/http/app-url";
import { applicationHref } from "@/lib/projects/resource-scope";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

// The Git Permission page: the organization's GitHub App connection, in at most four SQL statements
// whatever the number of repositories and applications (the org + membership query, the
// installation, then either one page of repositories with their applications and the applications
// split by grant, or — before an install — which repositories the applications use).

export type LinkedApplication = PlacedApplication & { href: string };
export type RepositoryView = Omit<RepositoryRow, "uses"> & { uses: (RepositoryRow["uses"][number] & { href: string })[] };

/** Without configuration: exactly what to set, and the addresses GitHub needs for this console. */
export type SetupInstructions = {
  missing: { name: string; reason: string | null }[];
  setupUrl: string;
  webhookUrl: string;
  newAppUrl: string;
};

export type GitConnection =
  | {
      state: "not-connected";
      /** Which repositories existing applications use: they must be selected during the install. */
      usage: RepositoryUsage;
      /** Set right after a Disconnect: the account to uninstall the App from, and where. */
      disconnected: { account: string; uninstallUrl: string } | null;
    }
  | {
      state: "connected";
      installation: InstallationSummary;
      manageUrl: string;
      repositories: RepositoryView[];
      query: string;
      after: string | null;
      nextCursor: string | null;
      warnings: Omit<OrgGitWarnings, "missing"> & { missing: (Omit<MissingRepository, "applications"> & { applications: LinkedApplication[] })[] };
      /** The applications that lose update and auto-deploy on Disconnect (the first ones, and how many). */
      losing: Bounded<LinkedApplication>;
    };

export type GitPage = {
  ctx: OrgContext;
  /** Null when the GitHub App is configured. */
  setup: SetupInstructions | null;
  /** The error a failed install came back with (?error=<code>), in words. */
  error: string | null;
  connection: GitConnection;
};

export type GitPageParams = { q?: string; after?: string; error?: string; disconnected?: string; account?: string };

/** Where an account's installed GitHub Apps are listed (Configure → Uninstall). */
export function installedAppsUrl(account: string, accountType: string): string {
  const base = githubUrls().webUrl;
  return accountType === "Organization" ? `${base}/organizations/${encodeURIComponent(account)}/settings/installations` : `${base}/settings/installations`;
}

const githubLogin = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export async function loadGitPage(slug: string, params: GitPageParams = {}): Promise<{ ok: true; page: GitPage } | Extract<SettingsPageAccess, { ok: false }>> {
  const access = await loadSettingsPage(slug, "git.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const config = githubAppConfig();
  const setup = "missing" in config ? await setupInstructions(config.missing.map((name) => ({ name, reason: config.reasons[name] ?? null }))) : null;
  const error = params.error ? setupErrorMessage(params.error) : null;
  const installation = await findInstallation(db, ctx.org.id);
  const link = <T extends ApplicationPlace>(app: T) => ({ ...app, href: applicationHref(ctx.org.slug, app, app.applicationId) });

  if (!installation) {
    const usage = await repositoryUsage(db, ctx.org.id);
    const account = params.disconnected && githubLogin.test(params.disconnected) ? params.disconnected : null;
    const disconnected = account ? { account, uninstallUrl: installedAppsUrl(account, params.account === "Organization" ? "Organization" : "User") } : null;
    return { ok: true, page: { ctx, setup, error, connection: { state: "not-connected", usage, disconnected } } };
  }

  const query = (params.q ?? "").trim().slice(0, 100);
  const after = params.after && repositoryCursor.decode(params.after) ? params.after : null;
  const [listing, byGrant] = await Promise.all([
    listRepositories(db, ctx.org.id, { query, after: after ?? undefined }),
    applicationsByGrant(db, ctx.org.id),
  ]);
  const warnings = orgGitWarnings(installation, byGrant);
  return {
    ok: true,
    page: {
      ctx,
      setup,
      error,
      connection: {
        state: "connected",
        installation,
        manageUrl: manageUrl(installation),
        repositories: listing.repositories.map((repo) => ({ ...repo, uses: repo.uses.map(link) })),
        query,
        after,
        nextCursor: listing.nextCursor,
        warnings: { ...warnings, missing: warnings.missing.map((repo) => ({ ...repo, applications: repo.applications.map(link) })) },
        losing: { rows: byGrant.granted.rows.map(link), total: byGrant.granted.total },
      },
    },
  };
}

async function setupInstructions(missing: SetupInstructions["missing"]): Promise<SetupInstructions> {
  const base = await appUrl();
  return {
    missing,
    setupUrl: `${base}/api/github/setup`,
    webhookUrl: `${base}/api/github/webhooks`,
    newAppUrl: `${githubUrls().webUrl}/settings/apps/new`,
  };
}
