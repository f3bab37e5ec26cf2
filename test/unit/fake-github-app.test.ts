import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "@/scripts/lib/fake-github";
import { generateTestAppKey } from "@/scripts/lib/fake-github-app-key";

// The local GitHub the Git tests rely on: it must refuse what GitHub refuses (no JWT, no token),
// paginate like GitHub (Link headers), and its /_control API must answer the webhooks the e2e
// tests deliver. The console's side of the conversation is in test/integration/git-*.test.ts.

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub(0, { app: { id: "7", slug: "test-app", privateKey: generateTestAppKey(), setupUrl: "https://console.test/api/github/setup" } });
});
afterAll(() => github.close());

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${github.url}/_control${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
};

describe("the App API refuses what GitHub refuses", () => {
  it("an installation without a JWT, or with a forged one", async () => {
    const { json } = await control("POST", "/installations", { account: "acme", repositories: 1 });
    expect((await fetch(`${github.url}/api/v3/app/installations/${json.installation.id}`)).status).toBe(401);
    const forged = `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from('{"iss":"7"}').toString("base64url")}.c2ln`;
    expect((await fetch(`${github.url}/api/v3/app/installations/${json.installation.id}`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it("repositories without an installation token", async () => {
    expect((await fetch(`${github.url}/api/v3/installation/repositories`)).status).toBe(401);
    expect((await fetch(`${github.url}/api/v3/installation/repositories`, { headers: { authorization: "token ghs_made.up" } })).status).toBe(401);
  });

  it("another App's installation page", async () => {
    expect((await fetch(`${github.url}/apps/other-app/installations/new`)).status).toBe(404);
    expect((await fetch(`${github.url}/apps/test-app/installations/new?state=s`)).status).toBe(200);
  });
});

describe("paginates like GitHub", () => {
  it("Link headers with next and last, then prev and first", async () => {
    const installation = github.app!.createInstallation({ account: "paged", repositories: 250 });
    const { token } = github.app!.issueToken(installation.id);
    const headers = { authorization: `token ${token}` };
    const first = await fetch(`${github.url}/api/v3/installation/repositories?per_page=100`, { headers });
    const page = (await first.json()) as { total_count: number; repositories: { full_name: string }[] };
    expect(page.total_count).toBe(250);
    expect(page.repositories[0].full_name).toBe("paged/repo-0001");
    expect(first.headers.get("link")).toBe(
      `<${github.url}/api/v3/installation/repositories?per_page=100&page=2>; rel="next", <${github.url}/api/v3/installation/repositories?per_page=100&page=3>; rel="last"`,
    );
    const last = await fetch(`${github.url}/api/v3/installation/repositories?per_page=100&page=3`, { headers });
    expect(((await last.json()) as { repositories: unknown[] }).repositories).toHaveLength(50);
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });
});

describe("the control API", () => {
  it("creates, finds, changes, suspends and uninstalls, answering the webhook GitHub would send", async () => {
    const created = await control("POST", "/installations", { account: "ctl", repositories: ["web", "api"] });
    expect(created.status).toBe(201);
    const id = created.json.installation.id;
    expect((await control("GET", "/installations?account=CTL")).json.installation.id).toBe(id);

    const changed = await control("POST", `/installations/${id}/repositories`, { remove: ["web"] });
    expect(changed.json.webhook).toMatchObject({
      event: "installation_repositories",
      payload: { action: "removed", installation: { id }, repositories_removed: [{ full_name: "ctl/web" }], repositories_added: [] },
    });
    expect((await control("POST", `/installations/${id}/suspend`)).json.webhook.payload).toMatchObject({ action: "suspend", installation: { suspended_at: expect.any(String) } });
    expect((await control("POST", `/installations/${id}/unsuspend`)).json.webhook.payload).toMatchObject({ action: "unsuspend", installation: { suspended_at: null } });
    expect((await control("DELETE", `/installations/${id}`)).json.webhook.payload).toMatchObject({ action: "deleted" });
    expect((await control("GET", `/installations/${id}`)).status).toBe(404);
  });
});
