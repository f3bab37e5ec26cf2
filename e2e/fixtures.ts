import { test as base, expect, type Page } from "@playwright/test";
import { openDatabase, type Db } from "@/db/client";
import { devLoginProviderId } from "@/lib/auth/dev-login";

export { expect };
export { expectNoA11yViolations } from "./support/a11y";

type SignInUser = { email: string };

/**
 * Checks the page is /sign-in with a callbackUrl leading back to `path` (Auth.js's proxy writes it
 * as an absolute URL on this host; the sign-in page writes it as a path).
 */
export async function expectSignInFor(page: Page, path: string): Promise<void> {
  await expect(page).toHaveURL((url) => {
    if (url.pathname !== "/sign-in") return false;
    const callbackUrl = url.searchParams.get("callbackUrl");
    if (!callbackUrl) return false;
    const target = new URL(callbackUrl, url.origin);
    return target.origin === url.origin && `${target.pathname}${target.search}` === path;
  });
}

/**
 * Signs in through the development sign-in's own endpoint (what the form's action calls: Auth.js's
 * dev-login callback, rate limits and sign-in policy included), sent by the page's request context
 * so the browser holds the session cookie, then opens `callbackUrl`, or `/`, which sends the user
 * to their last active organization. The form itself is driven by sign-in.spec.ts (and by
 * submitDevSignIn where a journey passes through it); rendering it before every journey cost a
 * second or more per test on 2 cores.
 */
export async function signIn(page: Page, user: SignInUser, options: { callbackUrl?: string } = {}): Promise<void> {
  // Playwright's request context keeps sockets alive; the server drops an idle one after 5 s, so a
  // journey's later page.request could be sent on a socket being closed (ECONNRESET). These two
  // leave none behind.
  const headers = { connection: "close" };
  const csrf = await page.request.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await page.request.post(`/api/auth/callback/${devLoginProviderId}`, {
    headers,
    form: { csrfToken, email: user.email, callbackUrl: "/" },
    maxRedirects: 0,
  });
  // Auth.js answers a refusal with a redirect too, to /sign-in?error=…: only one elsewhere is a session.
  expect(callback.status(), `the development sign-in for ${user.email}`).toBe(302);
  expect(callback.headers().location ?? "", `the development sign-in for ${user.email}`).not.toContain("/sign-in");
  await page.goto(options.callbackUrl ?? "/");
  if (options.callbackUrl) await page.waitForURL((url) => `${url.pathname}${url.search}` === options.callbackUrl);
  else await page.waitForURL(/\/orgs\/[^/]+$/);
}

/**
 * Fills and sends the development sign-in on the sign-in page already open (reached through a
 * deep link, say). A new email creates the user, named `name` when given.
 */
export async function submitDevSignIn(page: Page, user: { email: string; name?: string }): Promise<void> {
  const devSignIn = page.getByRole("region", { name: "Development sign-in" });
  await devSignIn.getByRole("textbox", { name: /^Email/ }).fill(user.email);
  if (user.name) await devSignIn.getByRole("textbox", { name: /^Name/ }).fill(user.name);
  await devSignIn.getByRole("button", { name: "Sign in with email" }).click();
}

type TestFixtures = { signIn: typeof signIn };
type WorkerFixtures = { db: Db };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // One small pool per worker on the e2e database; every test makes its own users and orgs in it.
  db: [
    async ({}, use) => {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set");
      const { db, close } = await openDatabase(url);
      await use(db);
      await close();
    },
    { scope: "worker" },
  ],
  signIn: async ({}, use) => {
    await use(signIn);
  },
});
