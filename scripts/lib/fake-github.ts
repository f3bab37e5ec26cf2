import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server that plays GitHub's OAuth web flow and REST user endpoints, so the real
 * "Continue with GitHub" code path (Auth.js's GitHub provider, pointed here by AUTH_GITHUB_URL as
 * for GitHub Enterprise Server) can be tested without the internet. Its consent page asks who to
 * sign in as; the identity travels in the code and the token, so the server keeps no state.
 */
export type FakeGitHub = { url: string; close: () => Promise<void> };

type Identity = { id: number; login: string; name: string; email: string };

const encode = (identity: Identity) => Buffer.from(JSON.stringify(identity)).toString("base64url");
const decode = (value: string): Identity | null => {
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Identity;
  } catch {
    return null;
  }
};

export async function startFakeGitHub(port = 0): Promise<FakeGitHub> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://fake-github");
  if (url.pathname === "/login/oauth/authorize" && req.method === "GET") return consentPage(res, url);
  if (url.pathname === "/login/oauth/authorize" && req.method === "POST") return authorize(res, new URLSearchParams(await body(req)));
  if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
    const code = new URLSearchParams(await body(req)).get("code") ?? "";
    if (!decode(code)) return send(res, 200, { error: "bad_verification_code" });
    return send(res, 200, { access_token: `gho_${code}`, token_type: "bearer", scope: "read:user,user:email" });
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
<button type="submit">Authorize</button></form></main></html>`);
}

function authorize(res: ServerResponse, form: URLSearchParams) {
  const login = form.get("login") ?? "octocat";
  const identity: Identity = {
    id: Math.abs([...login].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 7)),
    login,
    name: form.get("name") || login,
    email: form.get("email") ?? `${login}@users.noreply.github.test`,
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
      if (data.length > 1e5) req.destroy();
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
