import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGitHubApp, type FakeAppOptions } from "./fake-github-app";
import { handleAppRoute } from "./fake-github-app-http";

/**
 * A local server that plays GitHub's OAuth web flow and REST user endpoints, so the real
 * "Continue with GitHub" code path (Auth.js's GitHub provider, pointed here by AUTH_GITHUB_URL as
 * for GitHub Enterprise Server) can be tested without the internet. Its consent page asks who to
 * sign in as; the identity travels in the code and the token, so the server keeps no state.
 * Started with `app`, it also plays the GitHub App's side (fake-github-app.ts): its installation
 * page, the App and installation API under /api/v3, and a /_control API for tests.
 */
export type FakeGitHub = { url: string; close: () => Promise<void>; /** The GitHub App's side, when started with one. */ app: FakeGitHubApp | null };

export type Identity = { id: number; login: string; name: string; email: string; /** Organization logins the user belongs to. */ orgs?: string[] };

const encode = (identity: Identity) => Buffer.from(JSON.stringify(identity)).toString("base64url");
/** The access token this server hands out for `identity` (tests calling its API directly). */
export const fakeAccessToken = (identity: Identity) => `gho_${encode(identity)}`;

const decode = (value: string): Identity | null => {
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Identity;
  } catch {
    return null;
  }
};

export async function startFakeGitHub(port = 0, options: { app?: FakeAppOptions } = {}): Promise<FakeGitHub> {
  const app = options.app ? new FakeGitHubApp(options.app) : null;
  const server = createServer((req, res) => {
    handle(app, req, res).catch((error) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (Octokit's fetch) would hold close() open.
        server.closeAllConnections();
      }),
    app,
  };
}

async function handle(app: FakeGitHubApp | null, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://fake-github");
  // The GitHub App's installation page, App and installation API, and the tests' control API.
  if (await handleAppRoute(app, req, res, url, { send, body, escapeHtml })) return;
  if (url.pathname === "/login/oauth/authorize" && req.method === "GET") return consentPage(res, url);
  if (url.pathname === "/login/oauth/authorize" && req.method === "POST") return authorize(res, new URLSearchParams(await body(req)));
  if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
    const code = new URLSearchParams(await body(req)).get("code") ?? "";
    if (!decode(code)) return send(res, 200, { error: "bad_verification_code" });
    return send(res, 200, { access_token: `gho_${code}`, token_type: "bearer", scope: "read:user,user:email,read:org" });
  }
  const identity = decode((req.headers.authorization ?? "").replace(/^(Bearer|token) gho_/i, ""));
  if (url.pathname === "/api/v3/user") {
    if (!identity) return send(res, 401, { message: "Bad credentials" });
    return send(res, 200, { id: identity.id, login: identity.login, name: identity.name, email: identity.email, avatar_url: null });
  }
  if (url.pathname === "/api/v3/user/emails") {
    if (!identity) return send(res, 401, { message: "Bad credentials" });
    return send(res, 200, [{ email: identity.email, primary: true, verified: true, visibility: "public" }]);
  }
  if (url.pathname === "/api/v3/user/orgs") {
    if (!identity) return send(res, 401, { message: "Bad credentials" });
    // Paged as GitHub pages it (per_page up to 100).
    const perPage = Math.min(100, Number(url.searchParams.get("per_page")) || 30);
    const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
    const orgs = (identity.orgs ?? []).slice((page - 1) * perPage, page * perPage);
    return send(res, 200, orgs.map((login, index) => ({ login, id: 1000 + index, description: null })));
  }
  send(res, 404, { message: "Not Found" });
}

function consentPage(res: ServerResponse, url: URL) {
  const hidden = ["redirect_uri", "state", "client_id"]
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(url.searchParams.get(name) ?? "")}">`)
    .join("");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="en"><title>Authorize application</title><main><h1>Authorize Org Console</h1>
<form method="post">${hidden}
<label>Login <input name="login" required></label>
<label>Name <input name="name"></label>
<label>Email <input name="email" type="email" required></label>
<label>Organizations <input name="orgs" placeholder="acme, another-org"></label>
<button type="submit">Authorize</button></form></main></html>`);
}

function authorize(res: ServerResponse, form: URLSearchParams) {
  const login = form.get("login") ?? "octocat";
  const identity: Identity = {
    id: Math.abs([...login].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 7)),
    login,
    name: form.get("name") || login,
    email: form.get("email") ?? `${login}@users.noreply.github.test`,
    orgs: (form.get("orgs") ?? "")
      .split(",")
      .map((org) => org.trim())
      .filter(Boolean),
  };
  const redirect = new URL(form.get("redirect_uri") ?? "");
  redirect.searchParams.set("code", encode(identity));
  redirect.searchParams.set("state", form.get("state") ?? "");
  res.writeHead(302, { location: redirect.toString() });
  res.end();
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
      // The control API creates installations of thousands of repositories by name.
      if (data.length > 5e6) req.destroy();
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(payload));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
