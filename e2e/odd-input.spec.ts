import type { APIRequestContext } from "@playwright/test";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeApplication, makeDatabase, makeResourceEnvironment } from "@/lib/factories/resources";
import { formTooLargeMessage } from "@/lib/http/form-body-limit";
import { expect, test } from "./fixtures";

// Issue 13, item 9: odd input never answers 5xx. Every page and route of the app/ tree, as the
// owner of an organization that has one of everything, with odd query strings, malformed ids and
// garbage cursors: hundreds of requests through real HTTP against `next start`.

type Ids = { slug: string; projectId: string; environmentId: string; applicationId: string; databaseId: string; clusterId: string };

/** Every route under app/, with its dynamic segments filled from `ids`. */
function routes(ids: Ids): string[] {
  const org = `/orgs/${ids.slug}`;
  const project = `${org}/projects/${ids.projectId}`;
  const environment = `${project}/environments/${ids.environmentId}`;
  return [
    "/",
    "/sign-in",
    "/account",
    "/orgs/new",
    org,
    `${org}/settings`,
    ...["general", "members", "git", "clusters", "billing", "audit-log", "danger-zone"].map((page) => `${org}/settings/${page}`),
    `${org}/settings/clusters/new`,
    `${org}/settings/clusters/${ids.clusterId}/edit`,
    `${org}/settings/clusters/${ids.clusterId}/kubeconfig`,
    `${org}/settings/audit-log/events/00000000-0000-4000-8000-000000000000`,
    `${org}/settings/audit-log/export`,
    `${org}/settings/git/repositories`,
    `${org}/projects/new`,
    project,
    `${project}/settings`,
    `${project}/transfer`,
    `${project}/environments/new`,
    environment,
    `${environment}/edit`,
    `${environment}/applications`,
    `${environment}/applications/new`,
    `${environment}/applications/${ids.applicationId}`,
    `${environment}/databases`,
    `${environment}/databases/new`,
    `${environment}/databases/${ids.databaseId}`,
    `/invitations/${"a".repeat(43)}`,
    "/api/organizations",
    `/api/orgs/${ids.slug}/projects`,
    "/api/v1/projects/resolve",
    "/api/github/setup",
    "/api/auth/session",
  ];
}

const long = "x".repeat(5_000);
const oddQueries = [
  "?q=%00",
  "?q=a%00b",
  "?q=%01",
  "?q=%1F",
  "?q=%7F",
  "?q=%E0%A4%A",
  "?q=%FF%FE",
  `?q=${long}`,
  "?q=a&q=b",
  "?q[]=a",
  "?after=garbage",
  "?before=%00",
  `?after=${"eyJ".repeat(400)}`,
  "?after=eyJuYW1lIjpudWxsfQ&before=eyJ9",
  "?tab=%00&page=-1",
  "?to=not-a-uuid&q=%25%5F",
  "?actor=%00&action=nonsense&from=2024-13-45&to=99999-01-01",
  "?error=%00&installation_id=not-a-number&setup_action=%7F",
  "?callbackUrl=%00",
];

const oddIds = ["not-a-uuid", "%00", "%E0%A4%A", "00000000-0000-0000-0000-000000000000", "x".repeat(10_000)];

/** Every route with each id segment (and the slug) replaced by each odd id, one at a time. */
function malformedPaths(ids: Ids): string[] {
  const paths = new Set<string>();
  for (const route of routes(ids)) {
    for (const value of Object.values(ids)) {
      if (!route.includes(`/${value}`)) continue;
      for (const odd of oddIds) paths.add(route.replace(`/${value}`, `/${odd}`));
    }
  }
  return [...paths];
}

async function sweep(request: APIRequestContext, urls: string[]): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...urls];
  // A few at a time: the server is shared with the other spec files' worker.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const response = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
        if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 200)}`);
        await response.dispose();
      }
    }),
  );
  return failures;
}

async function orgWithOneOfEverything(db: Parameters<typeof makeOrgWithEveryRole>[0]) {
  const { org, users } = await makeOrgWithEveryRole(db);
  const cluster = await makeCluster(db, org);
  const { project, environment } = await makeResourceEnvironment(db, org, { clusterId: cluster.id });
  const application = await makeApplication(db, environment);
  const database = await makeDatabase(db, environment);
  const ids: Ids = {
    slug: org.slug,
    projectId: project.id,
    environmentId: environment.id,
    applicationId: application.id,
    databaseId: database.id,
    clusterId: cluster.id,
  };
  return { org, users, ids };
}

test("no page or route answers 5xx to odd query strings, malformed ids or garbage cursors", async ({ page, db, signIn }) => {
  test.setTimeout(600_000);
  const { users, ids } = await orgWithOneOfEverything(db);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${ids.slug}` });

  const all = routes(ids);
  // The routes themselves answer (none is mistyped here).
  const plain = await sweep(page.request, all);
  expect(plain).toEqual([]);
  const urls = [...all.flatMap((route) => oddQueries.map((query) => `${route}${query}`)), ...malformedPaths(ids)];
  expect(urls.length).toBeGreaterThan(500);
  expect(await sweep(page.request, urls)).toEqual([]);
});

test("a search with a NUL opens the page without it; an API refuses it with 400 and says why", async ({ page, db, signIn }) => {
  const { users, ids } = await orgWithOneOfEverything(db);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${ids.slug}` });

  await page.goto(`/orgs/${ids.slug}/settings/members?q=ad%00am`);
  await expect(page).toHaveURL(`/orgs/${ids.slug}/settings/members?q=adam`);
  await expect(page.getByRole("searchbox", { name: /Search/ })).toHaveValue("adam");
  await expect(page.getByTestId("member-row")).toHaveCount(1);

  // A path no percent-decoding can read names nothing: the not-found page.
  await page.goto(`/orgs/${ids.slug}/projects/%E0%A4%A/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await page.request.get(`/orgs/${ids.slug}/projects/%E0%A4%A/settings`)).status()).toBe(404);
  expect((await page.request.get("/orgs/%00/settings/audit-log/export")).status()).toBe(404);

  const api = await page.request.get("/api/organizations?q=%00");
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: "bad_query" });
  const repositories = await page.request.get(`/orgs/${ids.slug}/settings/git/repositories?q=${"x".repeat(101)}`);
  expect(repositories.status()).toBe(400);
});

test("a form too large to send keeps what was typed and says so next to the field; the server answers 413, not 500", async ({ page, db, signIn }) => {
  const { users, ids } = await orgWithOneOfEverything(db);
  const general = `/orgs/${ids.slug}/settings/general`;
  await signIn(page, users.owner, { callbackUrl: general });
  const description = page.getByRole("textbox", { name: "Description" });
  await expect(description).toBeVisible();

  const actionPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request.url());
  });
  const typed = `Too long ${uniqueTag()} `.repeat(60_000);
  await description.fill(typed);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(description).toHaveJSProperty("validationMessage", formTooLargeMessage);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  expect(await description.inputValue()).toBe(typed);
  expect(actionPosts).toEqual([]);
  // Typing again clears the message.
  await description.fill("Short enough.");
  await expect(description).toHaveJSProperty("validationMessage", "");

  // A client that skips the browser's check: refused by its declared size, before Next reads it.
  const response = await page.request.post(general, {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(1024 * 1024 + 1),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("at most 1 MB");
});
