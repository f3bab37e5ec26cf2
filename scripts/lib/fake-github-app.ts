import { createHmac, createPublicKey, randomBytes, timingSafeEqual, verify, type KeyObject } from "node:crypto";
import type { Webhook } from "./fake-github-webhooks";

// The GitHub App side of the local GitHub: its installations on test accounts, their repositories,
// and the webhook payloads GitHub would send when they change. The HTTP routes are in
// fake-github-app-http.ts; tests drive this state in-process or through its /_control API.

export type FakeAppOptions = {
  id: string;
  slug: string;
  /** The App's private key (the console's GITHUB_APP_PRIVATE_KEY); only its public half is used here. */
  privateKey: string;
  /** Where GitHub sends the browser after an installation: <console>/api/github/setup. */
  setupUrl: string;
};

export type FakeRepository = { id: number; node_id: string; name: string; full_name: string; private: boolean };
export type FakeAccount = { login: string; id: number; type: "Organization" | "User"; avatar_url: string };
export type FakeInstallation = {
  id: number;
  account: FakeAccount;
  repository_selection: "all" | "selected";
  suspended_at: string | null;
  created_at: string;
  repositories: FakeRepository[];
};

export type NewInstallation = {
  account: string;
  accountType?: "Organization" | "User";
  /** "name" (under the account) or "owner/name"; or a count: repo-0001 … */
  repositories?: string[] | number;
  repositorySelection?: "all" | "selected";
  suspended?: boolean;
};

export type Change = { installation: FakeInstallation; webhook: Webhook };

const sender = { login: "octocat", id: 1, type: "User" };
const hash = (text: string) => Math.abs([...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));

export class FakeGitHubApp {
  readonly installations = new Map<number, FakeInstallation>();
  /** "METHOD /path" of every App and installation API request, for tests to assert what was called. */
  readonly requests: string[] = [];
  private readonly publicKey: KeyObject;
  private readonly tokenSecret = randomBytes(32);
  // Random bases: a restarted fake never reuses ids a database may still hold.
  private nextInstallationId = 10_000_000 + Math.floor(Math.random() * 80_000_000);
  private nextRepositoryId = 100_000_000 + Math.floor(Math.random() * 800_000_000);

  constructor(readonly options: FakeAppOptions) {
    this.publicKey = createPublicKey(options.privateKey.replace(/\\n/g, "\n"));
  }

  createInstallation(input: NewInstallation): FakeInstallation {
    const installation: FakeInstallation = {
      id: this.nextInstallationId++,
      account: { login: input.account, id: hash(input.account), type: input.accountType ?? "Organization", avatar_url: `https://avatars.example.test/u/${hash(input.account)}` },
      repository_selection: input.repositorySelection ?? "selected",
      suspended_at: input.suspended ? new Date().toISOString() : null,
      created_at: new Date().toISOString(),
      repositories: [],
    };
    installation.repositories = this.repositoriesFor(installation.account.login, input.repositories ?? 3);
    this.installations.set(installation.id, installation);
    return installation;
  }

  findByAccount(login: string): FakeInstallation | undefined {
    return [...this.installations.values()].find((installation) => installation.account.login.toLowerCase() === login.toLowerCase());
  }

  get(id: number): FakeInstallation {
    const installation = this.installations.get(id);
    if (!installation) throw new Error(`fake GitHub: no installation ${id}`);
    return installation;
  }

  /** Grants and revokes repositories, as "Manage permission" on GitHub does; the payload GitHub would send. */
  changeRepositories(id: number, change: { add?: string[]; remove?: string[] }): Change {
    const installation = this.get(id);
    const removeNames = new Set((change.remove ?? []).map((name) => this.fullName(installation.account.login, name).toLowerCase()));
    const removed = installation.repositories.filter((repo) => removeNames.has(repo.full_name.toLowerCase()));
    const existing = new Set(installation.repositories.map((repo) => repo.full_name.toLowerCase()));
    const added = this.repositoriesFor(installation.account.login, (change.add ?? []).filter((name) => !existing.has(this.fullName(installation.account.login, name).toLowerCase())));
    installation.repositories = [...installation.repositories.filter((repo) => !removed.includes(repo)), ...added];
    installation.repository_selection = "selected";
    const action = removed.length > 0 && added.length === 0 ? "removed" : "added";
    const payload = {
      action,
      installation: this.installationPayload(installation),
      repository_selection: installation.repository_selection,
      repositories_added: added.map(short),
      repositories_removed: removed.map(short),
      sender,
    };
    return { installation, webhook: { event: "installation_repositories", payload } };
  }

  suspend(id: number): Change {
    const installation = this.get(id);
    installation.suspended_at = new Date().toISOString();
    return { installation, webhook: this.installationWebhook("suspend", installation) };
  }

  unsuspend(id: number): Change {
    const installation = this.get(id);
    installation.suspended_at = null;
    return { installation, webhook: this.installationWebhook("unsuspend", installation) };
  }

  uninstall(id: number): Change {
    const installation = this.get(id);
    this.installations.delete(id);
    return { installation, webhook: this.installationWebhook("deleted", installation) };
  }

  /** installation.created, with its repositories, as GitHub sends right after an install. */
  createdWebhook(id: number): Webhook {
    const installation = this.get(id);
    return { event: "installation", payload: { ...this.installationWebhook("created", installation).payload, repositories: installation.repositories.map(short) } };
  }

  installationPayload(installation: FakeInstallation) {
    return {
      id: installation.id,
      account: installation.account,
      repository_selection: installation.repository_selection,
      app_id: Number(this.options.id),
      app_slug: this.options.slug,
      target_id: installation.account.id,
      target_type: installation.account.type,
      permissions: { metadata: "read", contents: "read" },
      events: [],
      suspended_at: installation.suspended_at,
      created_at: installation.created_at,
      updated_at: new Date().toISOString(),
    };
  }

  private installationWebhook(action: string, installation: FakeInstallation): Webhook {
    return { event: "installation", payload: { action, installation: this.installationPayload(installation), sender } };
  }

  private fullName(owner: string, name: string): string {
    return name.includes("/") ? name : `${owner}/${name}`;
  }

  private repositoriesFor(owner: string, names: string[] | number): FakeRepository[] {
    const list = typeof names === "number" ? Array.from({ length: names }, (_, i) => `repo-${String(i + 1).padStart(4, "0")}`) : names;
    return list.map((name) => {
      const id = this.nextRepositoryId++;
      const fullName = this.fullName(owner, name.trim());
      return { id, node_id: `R_${id}`, name: fullName.split("/")[1], full_name: fullName, private: id % 2 === 0 };
    });
  }

  /** Verifies an App JWT (RS256 under the App's key, iss = App id, not expired, at most 10 minutes). */
  verifyJwt(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    const parts = token?.split(".");
    if (!parts || parts.length !== 3) return false;
    try {
      const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
      const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
      if (header.alg !== "RS256") return false;
      if (!verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], "base64url"))) return false;
      const now = Math.floor(Date.now() / 1000);
      return String(claims.iss) === this.options.id && claims.iat <= now + 60 && claims.exp > now && claims.exp - claims.iat <= 660;
    } catch {
      return false;
    }
  }

  /** An installation access token: stateless, naming the installation, signed by this server. */
  issueToken(installationId: number): { token: string; expires_at: string } {
    const expires = Date.now() + 60 * 60 * 1000;
    const body = Buffer.from(JSON.stringify({ i: installationId, e: expires })).toString("base64url");
    const mac = createHmac("sha256", this.tokenSecret).update(body).digest("base64url");
    return { token: `ghs_${body}.${mac}`, expires_at: new Date(expires).toISOString() };
  }

  /** The installation a token was issued for, if the token is ours and unexpired. */
  installationForToken(authorization: string | undefined): FakeInstallation | null {
    const token = /^(?:token|Bearer)\s+ghs_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/i.exec(authorization ?? "");
    if (!token) return null;
    const expected = createHmac("sha256", this.tokenSecret).update(token[1]).digest();
    const presented = Buffer.from(token[2], "base64url");
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
    const { i, e } = JSON.parse(Buffer.from(token[1], "base64url").toString("utf8")) as { i: number; e: number };
    return e > Date.now() ? (this.installations.get(i) ?? null) : null;
  }
}

const short = (repo: FakeRepository) => ({ id: repo.id, node_id: repo.node_id, name: repo.name, full_name: repo.full_name, private: repo.private });
