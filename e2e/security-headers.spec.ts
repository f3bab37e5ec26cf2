import type { APIResponse, Page } from "@playwright/test";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { makeProject } from "@/lib/factories/projects";
import { expect, test } from "./fixtures";
import { membersPage } from "./support/members-page";
import { navbar } from "./support/navbar";

// Issue 13, item 2: every response carries the security headers; pages get a per-request script
// nonce; no page renders inside a frame; the main journeys raise no CSP violation.

function cspOf(response: APIResponse): string {
  const policies = response.headersArray().filter(({ name }) => name.toLowerCase() === "content-security-policy");
  expect(policies, "exactly one Content-Security-Policy").toHaveLength(1);
  return policies[0].value;
}

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("microphone=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"], what).toBeUndefined();
  const csp = cspOf(response);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) {
    expect(csp, `${what}: ${directive}`).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-eval");
  return csp;
}

const nonceIn = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

test("pages, route handlers, redirects, 404s and static files carry the security headers; pages a fresh nonce", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}` });
  const request = page.request;

  const home = await request.get(`/orgs/${org.slug}`);
  expect(home.status()).toBe(200);
  const csp = expectStaticHeaders(home, "a page");
  const nonce = nonceIn(csp);
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  // Without JavaScript, "Continue with GitHub" posts a form answered by a redirect to GitHub (here
  // the local server playing it): form-action names it.
  expect(csp).toContain(`form-action 'self' ${new URL(process.env.E2E_GITHUB_URL ?? "").origin}`);
  // Every script Next renders carries this response's nonce.
  const html = await home.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = nonceIn(cspOf(await request.get(`/orgs/${org.slug}`)));
  expect(again).toBeTruthy();
  expect(again).not.toBe(nonce);

  const api = await request.get("/api/organizations");
  expect(api.status()).toBe(200);
  expectStaticHeaders(api, "a route handler");
  const cli = await request.post("/api/v1/projects/resolve");
  expect(cli.status()).toBe(401);
  expectStaticHeaders(cli, "the CLI API refusing");

  const missing = await request.get(`/orgs/${org.slug}/no-such-page-${uniqueTag()}`);
  expect(missing.status()).toBe(404);
  expect(nonceIn(expectStaticHeaders(missing, "a 404"))).toBeTruthy();

  const script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script ?? "");
  expect(asset.status()).toBe(200);
  expectStaticHeaders(asset, "a static file");
  expectStaticHeaders(await request.get("/icon.svg"), "the icon");

  // Signed out: the proxy's redirect to sign in, and Auth.js's own routes.
  const signedOut = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const redirect = await signedOut.request.get(`/orgs/${org.slug}/settings/danger-zone`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers().location).toContain("/sign-in?callbackUrl=");
    expectStaticHeaders(redirect, "the sign-in redirect");
    const csrf = await signedOut.request.get("/api/auth/csrf");
    expect(csrf.status()).toBe(200);
    expectStaticHeaders(csrf, "Auth.js");
    const signInPage = await signedOut.request.get("/sign-in");
    expect(nonceIn(expectStaticHeaders(signInPage, "the sign-in page"))).toBeTruthy();
  } finally {
    await signedOut.close();
  }
});

test("the Danger Zone does not render inside a frame, even on a page of the console's own origin", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const dangerZone = `/orgs/${org.slug}/settings/danger-zone`;
  await signIn(page, users.owner, { callbackUrl: dangerZone });
  await expect(page.getByRole("heading", { level: 1, name: "Danger Zone" })).toBeVisible();

  // A page on the console's own origin (served by the test, not the console) framing it.
  const framer = `/framer-${uniqueTag()}`;
  await page.route(`**${framer}`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Framer</title><iframe src="${dangerZone}" title="framed"></iframe>` }),
  );
  const refused = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors 'none'"));
  const framed = page.waitForResponse((response) => new URL(response.url()).pathname === dangerZone);
  await page.goto(framer);
  expect((await framed).status()).toBe(200);
  await refused;
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame?.url()).not.toContain(dangerZone);
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Delete organization" })).toHaveCount(0);
});

function watchForCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text)) violations.push(text);
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test("the main journeys raise no Content Security Policy violation", async ({ page, db, signIn }) => {
  const violations = watchForCspViolations(page);
  const { org, users } = await makeOrgWithEveryRole(db);
  const project = await makeProject(db, org, { name: `Nonce ${uniqueTag()}` });
  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}` });
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();

  // The ⌘K palette: client JavaScript, a fetch to our API.
  const nav = navbar(page);
  await expect(nav.searchButton).toHaveAttribute("aria-keyshortcuts", /.+/);
  await nav.searchButton.click();
  await expect(nav.palette).toBeVisible();
  await nav.paletteInput.fill(project.name);
  await expect(nav.paletteResults.getByRole("option", { name: new RegExp(project.name) })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.palette).toBeHidden();

  // Members: a row's menu (a Radix popover, positioned by inline styles) and the invite dialog.
  const members = membersPage(page, org.slug);
  await members.goto();
  await members.menuTrigger(users.developer.name ?? "").click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Invite members", exact: true }).click();
  await expect(members.inviteDialog).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/orgs/${org.slug}/settings/danger-zone`);
  await expect(page.getByRole("heading", { level: 1, name: "Danger Zone" })).toBeVisible();

  expect(violations).toEqual([]);
});
