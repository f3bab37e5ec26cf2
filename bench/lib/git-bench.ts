import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clusters, organizations } from "@/db/schema";
import { grantManyRepositories, makeInstallation } from "@/lib/factories/git-installations";
import type { RequestShape } from "./http";

// The Git Permission work's share of the bench (issue 7): the big organization's installation
// grants 5,000 repositories, 300 of them used by applications; GitHub's webhook deliveries are
// posted signed, each with its own delivery id, so every one is applied, not ignored as a replay.

export const gitRepositoriesAtScale = 5_000;
const applicationsUsingRepositories = 300;
const owner = "scale-gh";

// The org + membership query, the installation with its repository count, a page of repositories
// with the applications using them, the warnings.
export const gitPageStatementTarget = 4;
// One transaction (BEGIN … COMMIT): the delivery id claimed, the installation locked and read, the
// selection updated, the repositories inserted, the audit event, then the answer.
export const webhookStatementTarget = 8;
export const webhookConnections = [10, 50];

/** A GitHub App's settings for the server: a fresh key pair and secret (GitHub is never called). */
export function benchGithubApp(): Record<string, string> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  return {
    GITHUB_APP_ID: "424242",
    GITHUB_APP_SLUG: "org-console-bench",
    GITHUB_APP_PRIVATE_KEY: privateKey,
    GITHUB_APP_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
  };
}

export type GitScale = { slug: string; installationId: number; repositories: number; usedRepositories: number };

/** The installation, its repositories, and applications in one environment using some of them. */
export async function seedGitScale(db: Db, orgSlug: string, projectKey: string): Promise<GitScale> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, orgSlug));
  const installation = await makeInstallation(db, org, { accountLogin: owner });
  await grantManyRepositories(db, installation, { owner, prefix: "repo", count: gitRepositoriesAtScale });
  const [cluster] = await db.select({ id: clusters.id }).from(clusters).where(and(eq(clusters.orgId, org.id), eq(clusters.isDefault, true)));
  await db.execute(sql`
    with project as (select id from projects where org_id = ${org.id} and key = ${projectKey}),
    environment as (
      insert into environments (org_id, project_id, name, mode, cluster_id)
      select ${org.id}::uuid, project.id, 'production', 'production', ${cluster.id}::uuid from project returning id
    )
    insert into applications (org_id, environment_id, name, git_repository, branch)
    select ${org.id}::uuid, environment.id, 'app-' || n, ${owner}::text || '/repo-' || lpad(n::text, 4, '0'), 'main'
    from environment, generate_series(1, ${applicationsUsingRepositories}::int) as n`);
  return { slug: orgSlug, installationId: installation.installationId, repositories: gitRepositoriesAtScale, usedRepositories: applicationsUsingRepositories };
}

/** Repository rows in the Git page's HTML. */
function listedRepositories(html: string, total: number) {
  return { shown: html.split('data-testid="git-repository-row"').length - 1, total };
}

type Viewer = { name: string; cookie: string };

export function gitPageSpec(git: GitScale, viewer: Viewer) {
  return {
    key: "git",
    label: `Git Permission, ${git.repositories.toLocaleString("en-US")} repositories`,
    path: `/orgs/${git.slug}/settings/git`,
    viewer: viewer.name,
    cookie: viewer.cookie,
    expect: "Manage permission",
    statementTarget: gitPageStatementTarget,
    listed: (html: string) => listedRepositories(html, git.repositories),
  };
}

/**
 * A signed `installation_repositories.added` delivery granting one more repository (already
 * granted after the first: the insert is idempotent, the audit event is written each time).
 * `[<id>]` in the delivery header is replaced per request (autocannon -I, fetchPage likewise).
 */
export function webhookSpec(git: GitScale, secret: string) {
  const body = JSON.stringify({
    action: "added",
    installation: { id: git.installationId, account: { login: owner, type: "Organization" } },
    repository_selection: "selected",
    repositories_added: [{ id: 9_000_000_001, full_name: `${owner}/bench-extra`, private: false }],
    repositories_removed: [],
    sender: { login: "bench" },
  });
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const request: RequestShape = {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "installation_repositories",
      "x-github-delivery": "[<id>]",
      "x-hub-signature-256": signature,
    },
  };
  return {
    key: "webhook",
    label: "GitHub webhook (signed installation_repositories delivery)",
    path: "/api/github/webhooks",
    viewer: "GitHub",
    cookie: "",
    request,
    expect: "",
    statementTarget: webhookStatementTarget,
    connections: webhookConnections,
  };
}
