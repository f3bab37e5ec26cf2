import { createAppAuth, type StrategyOptions } from "@octokit/auth-app";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { RequestError } from "@octokit/request-error";
import type { GitInstallation } from "@/db/schema";
import { type GithubAppConfig, githubUrls } from "./config";

// The console's only conversation with GitHub's REST API: as the App (a JWT signed with its private
// key, for the installation itself) and as an installation (a short-lived token, for its
// repositories). Octokit signs, caches tokens and paginates; baseUrl makes GHES work.

const GitHubClient = Octokit.plugin(paginateRest);
type Client = InstanceType<typeof GitHubClient>;

export type GithubAccount = { login: string; type: "Organization" | "User"; avatarUrl: string | null };
export type GithubInstallationInfo = {
  id: number;
  account: GithubAccount;
  repositorySelection: "all" | "selected";
  suspendedAt: Date | null;
};
export type GithubRepositoryInfo = { githubId: number; fullName: string; private: boolean };

/** GitHub could not answer (down, slow, refused us): nothing is decided on a guess. */
export class GithubUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GithubUnavailableError";
  }
}

/** GitHub answered that the installation is suspended: no token is issued for it. */
export class GithubInstallationSuspendedError extends Error {
  constructor(installationId: number) {
    super(`installation ${installationId} is suspended on GitHub`);
    this.name = "GithubInstallationSuspendedError";
  }
}

// Every call answers within this, so the setup callback never hangs on a slow GitHub.
const requestTimeoutMs = 10_000;
const timedFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(requestTimeoutMs) });

const clients = new Map<string, Client>();

/** The App-authenticated client (JWT), one per configuration, so installation tokens are cached. */
export function appClient(config: GithubAppConfig): Client {
  const key = `${config.apiUrl}\n${config.appId}\n${config.privateKey}`;
  let client = clients.get(key);
  if (!client) {
    client = new GitHubClient({
      baseUrl: config.apiUrl,
      userAgent: "org-console",
      authStrategy: createAppAuth,
      auth: { appId: config.appId, privateKey: config.privateKey } satisfies StrategyOptions,
      request: { fetch: timedFetch },
    });
    clients.set(key, client);
  }
  return client;
}

/** A client authenticated as the installation (its token minted and cached by the App's auth). */
async function installationClient(config: GithubAppConfig, installationId: number): Promise<Client> {
  const app = appClient(config);
  return app.auth({
    type: "installation",
    installationId,
    factory: (options: StrategyOptions) =>
      new GitHubClient({
        baseUrl: config.apiUrl,
        userAgent: "org-console",
        authStrategy: createAppAuth,
        auth: { ...options, installationId },
        request: { fetch: timedFetch },
      }),
  }) as Promise<Client>;
}

function unavailable(what: string, error: unknown): GithubUnavailableError {
  const detail = error instanceof RequestError ? `HTTP ${error.status}` : error instanceof Error ? error.message : String(error);
  return new GithubUnavailableError(`GitHub did not answer ${what} (${detail})`, { cause: error });
}

/** The installation as GitHub knows it for this App, or null when it does not exist (for this App). */
export async function getInstallation(config: GithubAppConfig, installationId: number): Promise<GithubInstallationInfo | null> {
  try {
    const { data } = await appClient(config).request("GET /app/installations/{installation_id}", { installation_id: installationId });
    const account = (data.account ?? {}) as { login?: string; slug?: string; type?: string; avatar_url?: string };
    return {
      id: data.id,
      account: {
        login: account.login ?? account.slug ?? "unknown",
        type: account.type === "Organization" || account.type === "Enterprise" ? "Organization" : "User",
        avatarUrl: account.avatar_url ?? null,
      },
      repositorySelection: data.repository_selection === "selected" ? "selected" : "all",
      suspendedAt: data.suspended_at ? new Date(data.suspended_at) : null,
    };
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return null;
    throw unavailable("about the installation", error);
  }
}

/** Every repository the installation grants, all pages (100 a page). */
export async function listInstallationRepositories(config: GithubAppConfig, installationId: number): Promise<GithubRepositoryInfo[]> {
  try {
    const client = await installationClient(config, installationId);
    const repositories = await client.paginate("GET /installation/repositories", { per_page: 100 });
    return repositories.map((repository) => ({ githubId: Number(repository.id), fullName: repository.full_name, private: repository.private }));
  } catch (error) {
    if (error instanceof RequestError && error.status === 403 && /suspend/i.test(error.message)) {
      throw new GithubInstallationSuspendedError(installationId);
    }
    throw unavailable("with the installation's repositories", error);
  }
}

/** Where "Install Github Application" sends the browser: GitHub's installation page, with our state. */
export function installUrl(config: Pick<GithubAppConfig, "webUrl" | "slug">, state: string): string {
  return `${config.webUrl}/apps/${encodeURIComponent(config.slug)}/installations/new?state=${encodeURIComponent(state)}`;
}

/** "Manage permission": the installation's settings on GitHub (organization or personal account). */
export function manageUrl(installation: Pick<GitInstallation, "accountLogin" | "accountType" | "installationId">): string {
  const { webUrl } = githubUrls();
  return installation.accountType === "Organization"
    ? `${webUrl}/organizations/${encodeURIComponent(installation.accountLogin)}/settings/installations/${installation.installationId}`
    : `${webUrl}/settings/installations/${installation.installationId}`;
}
