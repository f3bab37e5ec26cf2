import { eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gitInstallations, gitRepositories, organizations } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { authorize } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import { recordAudit } from "@/lib/audit/record";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import {
  getInstallation,
  GithubInstallationSuspendedError,
  type GithubInstallationInfo,
  type GithubRepositoryInfo,
  GithubUnavailableError,
  installUrl,
  listInstallationRepositories,
} from "./client";
import { type GithubAppConfig, githubAppConfig, isGithubAppConfig } from "./config";
import { alreadyConnectedMessage, notConnectedMessage, type SetupErrorCode } from "./messages";
import { createInstallState, verifyAndClaimState } from "./install-state";
import { applicationLabels, applicationsUsingInstallation, insertRepositories, type UsingApplication } from "./store";

// Connecting the organization's GitHub account: "Install Github Application" (beginInstall) sends
// the browser to GitHub with a signed state; GitHub sends it back to the setup URL, where
// completeInstall trusts nothing it was given: the state is verified and claimed, the caller's role
// re-read from the database, and the installation fetched from GitHub with the App's JWT.

type Refusal = { ok: false; formError: string };

/** The GitHub URL to send the caller to, or why not (not configured, or already connected). */
export async function beginInstall(db: Db, ctx: OrgContext): Promise<{ ok: true; url: string } | Refusal> {
  if (!ctx.can("git.manage")) return { ok: false, formError: staleAccess };
  const config = githubAppConfig();
  if (!isGithubAppConfig(config)) {
    return { ok: false, formError: `The GitHub App is not configured on this server: set ${config.missing.join(", ")}.` };
  }
  const [existing] = await db
    .select({ accountLogin: gitInstallations.accountLogin })
    .from(gitInstallations)
    .where(eq(gitInstallations.orgId, ctx.org.id));
  if (existing) return { ok: false, formError: alreadyConnectedMessage(existing.accountLogin) };
  const state = await createInstallState(db, { orgId: ctx.org.id, userId: ctx.actor.id });
  return { ok: true, url: installUrl(config, state) };
}

export type SetupRequest = { userId: string; state: string | null; installationId: string | null; setupAction?: string | null };
export type SetupOutcome =
  | { ok: true; slug: string; message: string }
  // slug: the organization's Git page to show the error on, when the caller may see it.
  | { ok: false; code: SetupErrorCode; slug: string | null };

/** The setup callback's work: see the file comment. Never throws for what GitHub or the URL says. */
export async function completeInstall(db: Db, request: SetupRequest): Promise<SetupOutcome> {
  const config = githubAppConfig();
  if (!isGithubAppConfig(config)) return { ok: false, code: "not-configured", slug: null };

  const validId = Boolean(request.installationId && /^\d{1,15}$/.test(request.installationId));
  // "Manage permission" on GitHub comes back here without our state ("Redirect on update").
  if (!request.state && request.setupAction === "update" && validId) return afterUpdateOnGithub(db, config, request.userId, Number(request.installationId));

  const state = await verifyAndClaimState(db, request.state ?? "", request.userId);
  const ctx = state.orgId ? await contextFor(db, request.userId, state.orgId) : null;
  const slug = ctx?.org.slug ?? null;
  if (!state.ok) return { ok: false, code: `state-${state.reason}` as const, slug };
  if (!ctx) return { ok: false, code: "forbidden", slug: null };
  if (!ctx.can("git.manage")) return { ok: false, code: "forbidden", slug };
  if (request.setupAction === "request") return { ok: false, code: "requested", slug };
  if (!validId) return { ok: false, code: "missing-installation", slug };
  return fetchAndStore(db, config, ctx, Number(request.installationId));
}

async function fetchAndStore(db: Db, config: GithubAppConfig, ctx: OrgContext, installationId: number): Promise<SetupOutcome> {
  const slug = ctx.org.slug;
  const fetched = await fetchFromGithub(config, installationId);
  if (!fetched.ok) return { ok: false, code: fetched.code, slug };
  try {
    return await store(db, ctx, fetched.installation, fetched.repositories);
  } catch (error) {
    if (isUniqueViolation(error, "git_installations_installation_key")) return { ok: false, code: "linked-elsewhere", slug };
    if (isUniqueViolation(error, "git_installations_org_key")) return { ok: false, code: "already-connected", slug };
    throw error;
  }
}

/**
 * Back from the installation's settings on GitHub: nothing in the URL is trusted, but when the
 * installation is already connected to an organization the caller manages, its repositories are
 * refreshed from GitHub (the webhooks say the same; this catches any that were missed).
 */
async function afterUpdateOnGithub(db: Db, config: GithubAppConfig, userId: string, installationId: number): Promise<SetupOutcome> {
  const [linked] = await db.select({ orgId: gitInstallations.orgId }).from(gitInstallations).where(eq(gitInstallations.installationId, installationId));
  const ctx = linked ? await contextFor(db, userId, linked.orgId) : null;
  if (!ctx) return { ok: false, code: "not-linked", slug: null };
  if (!ctx.can("git.manage")) return { ok: false, code: "forbidden", slug: ctx.org.slug };
  return fetchAndStore(db, config, ctx, installationId);
}

/** The caller's context in the state's organization, read from the database now (null: not a member). */
async function contextFor(db: Db, userId: string, orgId: string): Promise<OrgContext | null> {
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  const access = await authorize(db, { userId, slug: org.slug, permission: "git.manage" });
  return access.ok ? access.ctx : access.reason === "forbidden" ? access.ctx : null;
}

type Fetched = { ok: true; installation: GithubInstallationInfo; repositories: GithubRepositoryInfo[] } | { ok: false; code: SetupErrorCode };

/** The installation and its repositories, as GitHub says (the URL's id alone proves nothing). */
async function fetchFromGithub(config: GithubAppConfig, installationId: number): Promise<Fetched> {
  try {
    const installation = await getInstallation(config, installationId);
    if (!installation) return { ok: false, code: "unknown-installation" };
    if (installation.suspendedAt) return { ok: false, code: "suspended" };
    return { ok: true, installation, repositories: await listInstallationRepositories(config, installationId) };
  } catch (error) {
    if (error instanceof GithubInstallationSuspendedError) return { ok: false, code: "suspended" };
    if (error instanceof GithubUnavailableError) {
      console.error("GitHub setup:", error.message);
      return { ok: false, code: "github-unavailable" };
    }
    throw error;
  }
}

/**
 * One transaction under the organization's lock: the installation (new, or the same one coming
 * back through "Redirect on update"), its repositories and the audit event.
 */
async function store(db: Db, ctx: OrgContext, installation: GithubInstallationInfo, repositories: GithubRepositoryInfo[]): Promise<SetupOutcome> {
  const slug = ctx.org.slug;
  return orgTransaction(db, ctx, { permission: "git.manage", refused: () => ({ ok: false, code: "forbidden", slug }) }, async (tx): Promise<SetupOutcome> => {
    const linked = await tx
      .select()
      .from(gitInstallations)
      .where(or(eq(gitInstallations.orgId, ctx.org.id), eq(gitInstallations.installationId, installation.id)))
      .for("update");
    if (linked.some((row) => row.installationId === installation.id && row.orgId !== ctx.org.id)) return { ok: false, code: "linked-elsewhere", slug };
    const current = linked.find((row) => row.orgId === ctx.org.id);
    if (current && current.installationId !== installation.id) return { ok: false, code: "already-connected", slug };

    const fields = {
      accountLogin: installation.account.login,
      accountType: installation.account.type,
      accountAvatarUrl: installation.account.avatarUrl,
      repositorySelection: installation.repositorySelection,
      suspendedAt: null,
      deletedOnGithubAt: null,
      repositoriesSyncedAt: sql`now()`,
      updatedAt: sql`now()`,
    };
    const summary = { account: installation.account.login, accountType: installation.account.type, repositorySelection: installation.repositorySelection };
    let rowId: string;
    if (current) {
      // The same installation again: GitHub is the truth, so its repositories are replaced.
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(gitRepositories).where(eq(gitRepositories.installationRowId, current.id));
      await tx.update(gitInstallations).set(fields).where(eq(gitInstallations.id, current.id));
      await tx.delete(gitRepositories).where(eq(gitRepositories.installationRowId, current.id));
      rowId = current.id;
      await recordAudit(tx, ctx, {
        action: "git.sync",
        targetType: "git_installation",
        targetId: rowId,
        targetLabel: installation.account.login,
        before: { account: current.accountLogin, repositorySelection: current.repositorySelection, repositories: n },
        after: { ...summary, repositories: repositories.length },
      });
    } else {
      const [row] = await tx
        .insert(gitInstallations)
        .values({ orgId: ctx.org.id, installationId: installation.id, installedBy: ctx.actor.id, ...fields })
        .returning({ id: gitInstallations.id });
      rowId = row.id;
      await recordAudit(tx, ctx, {
        action: "git.install",
        targetType: "git_installation",
        targetId: rowId,
        targetLabel: installation.account.login,
        after: { ...summary, installationId: installation.id, repositories: repositories.length },
      });
    }
    await insertRepositories(tx, { orgId: ctx.org.id, installationRowId: rowId }, repositories);
    const count = repositories.length === 1 ? "1 repository" : `${repositories.length} repositories`;
    const done = current ? `Updated the GitHub account ${installation.account.login} from GitHub` : `Connected the GitHub account ${installation.account.login}`;
    return { ok: true, slug, message: `${done}: ${count} authorized.` };
  });
}

export type Disconnected = {
  ok: true;
  account: string;
  accountType: string;
  /** The applications that used the installation's repositories (the first 50), and how many. */
  applications: UsingApplication[];
  applicationCount: number;
};

/**
 * Forgets the organization's installation and its repositories (they cascade), in one transaction
 * with the audit event naming the applications that lose update and auto-deploy. The App stays
 * installed on GitHub until someone uninstalls it there: that step is the user's.
 */
export async function disconnect(db: Db, ctx: OrgContext): Promise<Disconnected | Refusal> {
  return orgTransaction(db, ctx, "git.manage", async (tx): Promise<Disconnected | Refusal> => {
    const [row] = await tx.select().from(gitInstallations).where(eq(gitInstallations.orgId, ctx.org.id)).for("update");
    if (!row) return { ok: false, formError: notConnectedMessage };
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(gitRepositories).where(eq(gitRepositories.installationRowId, row.id));
    const using = await applicationsUsingInstallation(tx, ctx.org.id, row.id);
    await tx.delete(gitInstallations).where(eq(gitInstallations.id, row.id));
    await recordAudit(tx, ctx, {
      action: "git.disconnect",
      targetType: "git_installation",
      targetId: row.id,
      targetLabel: row.accountLogin,
      before: { account: row.accountLogin, accountType: row.accountType, installationId: row.installationId, repositories: n, ...applicationLabels(using) },
    });
    return { ok: true, account: row.accountLogin, accountType: row.accountType, applications: using.applications, applicationCount: using.total };
  });
}
