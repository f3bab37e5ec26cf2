import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeGitHubApp, FakeInstallation, NewInstallation } from "./fake-github-app";

// The local GitHub's App routes, shaped like github.com's (API under /api/v3, as GitHub Enterprise
// Server serves it): the installation page that redirects back to the App's setup URL, the App
// (JWT) and installation (token) endpoints the console calls, and a /_control API for tests.

type Send = (res: ServerResponse, status: number, payload: unknown, headers?: Record<string, string>) => void;
type Tools = { send: Send; body: (req: IncomingMessage) => Promise<string>; escapeHtml: (value: string) => string };

/** Answers the request if it is one of the App's routes; false otherwise. */
export async function handleAppRoute(app: FakeGitHubApp | null, req: IncomingMessage, res: ServerResponse, url: URL, tools: Tools): Promise<boolean> {
  const { send } = tools;
  const path = url.pathname;
  const method = req.method ?? "GET";
  const isAppRoute = /^\/(api\/v3\/(app|installation)\/|apps\/|_control\/|organizations\/[^/]+\/settings\/installations\/|settings\/installations\/)/.test(path);
  if (!isAppRoute) return false;
  if (!app) {
    send(res, 404, { message: "Not Found: this local GitHub runs without a GitHub App" });
    return true;
  }
  if (path.startsWith("/api/v3/")) app.requests.push(`${method} ${path.slice("/api/v3".length)}`);

  const installationMatch = /^\/api\/v3\/app\/installations\/(\d+)(\/access_tokens)?$/.exec(path);
  if (installationMatch) {
    if (!app.verifyJwt(req.headers.authorization)) {
      send(res, 401, { message: "A JSON web token could not be decoded", documentation_url: "https://docs.github.com/rest" });
      return true;
    }
    const installation = app.installations.get(Number(installationMatch[1]));
    if (!installation) send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app" });
    else if (!installationMatch[2] && method === "GET") send(res, 200, app.installationPayload(installation));
    else if (installationMatch[2] && method === "POST") {
      if (installation.suspended_at) send(res, 403, { message: "This installation has been suspended" });
      else send(res, 201, { ...app.issueToken(installation.id), permissions: { metadata: "read", contents: "read" }, repository_selection: installation.repository_selection });
    } else send(res, 404, { message: "Not Found" });
    return true;
  }

  if (path === "/api/v3/installation/repositories" && method === "GET") {
    const installation = app.installationForToken(req.headers.authorization);
    if (!installation) {
      send(res, 401, { message: "Bad credentials" });
      return true;
    }
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const all = installation.repositories;
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const pageUrl = (n: number) => `<http://${req.headers.host}${path}?per_page=${perPage}&page=${n}>`;
    const links = [
      ...(page < last ? [`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`] : []),
    ];
    const repositories = all.slice((page - 1) * perPage, page * perPage);
    send(res, 200, { total_count: all.length, repository_selection: installation.repository_selection, repositories }, links.length ? { link: links.join(", ") } : {});
    return true;
  }

  const pageMatch = /^\/apps\/([^/]+)\/installations\/new$/.exec(path);
  if (pageMatch) {
    if (pageMatch[1] !== app.options.slug) send(res, 404, { message: "Not Found" });
    else if (method === "GET") html(res, installPage(app, url.searchParams.get("state") ?? "", tools.escapeHtml));
    else install(app, res, new URLSearchParams(await tools.body(req)));
    return true;
  }

  const settingsMatch = /^\/(?:organizations\/[^/]+\/)?settings\/installations\/(\d+)$/.exec(path);
  if (settingsMatch) {
    const installation = app.installations.get(Number(settingsMatch[1]));
    html(res, installation ? settingsPage(installation, tools.escapeHtml) : "<!doctype html><title>Not Found</title><h1>Not Found</h1>", installation ? 200 : 404);
    return true;
  }

  await control(app, req, res, url, method, tools);
  return true;
}

/** GitHub's "Install & Authorize": installs (or updates) on the account typed, then back to the setup URL. */
function install(app: FakeGitHubApp, res: ServerResponse, form: URLSearchParams) {
  const login = (form.get("account") ?? "").trim() || "octo-org";
  const names = (form.get("repositories") ?? "").split(/[\n,]/).map((name) => name.trim()).filter(Boolean);
  const selection = form.get("selection") === "all" ? "all" : "selected";
  let installation = app.findByAccount(login);
  const setupAction = installation ? "update" : "install";
  if (installation) {
    // The form lists what the installation grants from now on.
    const wanted = names.map((name) => (name.includes("/") ? name : `${installation!.account.login}/${name}`));
    const keep = new Set(wanted.map((name) => name.toLowerCase()));
    const remove = installation.repositories.map((repo) => repo.full_name).filter((name) => !keep.has(name.toLowerCase()));
    app.changeRepositories(installation.id, { add: wanted, remove });
    installation.repository_selection = selection;
  } else {
    installation = app.createInstallation({ account: login, accountType: form.get("accountType") === "User" ? "User" : "Organization", repositories: names, repositorySelection: selection });
  }
  const redirect = new URL(app.options.setupUrl);
  redirect.searchParams.set("installation_id", String(installation.id));
  redirect.searchParams.set("setup_action", setupAction);
  const state = form.get("state");
  if (state) redirect.searchParams.set("state", state);
  res.writeHead(302, { location: redirect.toString() });
  res.end();
}

async function control(app: FakeGitHubApp, req: IncomingMessage, res: ServerResponse, url: URL, method: string, { send, body }: Tools) {
  const json = async () => JSON.parse((await body(req)) || "{}");
  const match = /^\/_control\/installations(?:\/(\d+)(?:\/(repositories|suspend|unsuspend|created-webhook))?)?$/.exec(url.pathname);
  if (!match) return send(res, 404, { message: "Not Found" });
  const [, id, verb] = match;
  try {
    if (!id && method === "POST") return send(res, 201, { installation: app.createInstallation((await json()) as NewInstallation) });
    if (!id && method === "GET") {
      const found = app.findByAccount(url.searchParams.get("account") ?? "");
      return found ? send(res, 200, { installation: found }) : send(res, 404, { message: "No installation on that account" });
    }
    if (!id) return send(res, 405, { message: "POST to create an installation, GET ?account= to find one" });
    const installationId = Number(id);
    if (!verb && method === "GET") return send(res, 200, { installation: app.get(installationId) });
    if (!verb && method === "DELETE") return send(res, 200, app.uninstall(installationId));
    if (verb === "repositories" && method === "POST") return send(res, 200, app.changeRepositories(installationId, await json()));
    if (verb === "suspend" && method === "POST") return send(res, 200, app.suspend(installationId));
    if (verb === "unsuspend" && method === "POST") return send(res, 200, app.unsuspend(installationId));
    if (verb === "created-webhook" && method === "GET") return send(res, 200, { webhook: app.createdWebhook(installationId) });
    return send(res, 405, { message: "Method not allowed" });
  } catch (error) {
    return send(res, 404, { message: error instanceof Error ? error.message : String(error) });
  }
}

function html(res: ServerResponse, page: string, status = 200) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(page);
}

function installPage(app: FakeGitHubApp, state: string, escapeHtml: (value: string) => string): string {
  return `<!doctype html><html lang="en"><title>Install ${escapeHtml(app.options.slug)}</title><main>
<h1>Install ${escapeHtml(app.options.slug)}</h1>
<form method="post"><input type="hidden" name="state" value="${escapeHtml(state)}">
<p><label>GitHub account <input name="account" required></label></p>
<p><label>Account type <select name="accountType"><option>Organization</option><option>User</option></select></label></p>
<fieldset><legend>Repository access</legend>
<label><input type="radio" name="selection" value="all"> All repositories</label>
<label><input type="radio" name="selection" value="selected" checked> Only select repositories</label></fieldset>
<p><label>Repositories (one per line) <textarea name="repositories" rows="5"></textarea></label></p>
<button type="submit">Install &amp; Authorize</button></form></main></html>`;
}

function settingsPage(installation: FakeInstallation, escapeHtml: (value: string) => string): string {
  const items = installation.repositories.slice(0, 100).map((repo) => `<li>${escapeHtml(repo.full_name)}</li>`).join("");
  return `<!doctype html><html lang="en"><title>Installed GitHub App</title><main>
<h1>Installed GitHub App on ${escapeHtml(installation.account.login)}</h1>
<p>Repository access: ${installation.repository_selection === "all" ? "All repositories" : "Only select repositories"}</p>
<ul>${items}</ul></main></html>`;
}
