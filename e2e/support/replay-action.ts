import { type Browser, expect, type Page } from "@playwright/test";
import { signIn } from "../fixtures";

// The authorization replay: a privileged user's real server-action request (action id, bound
// arguments, form fields) is held back in the browser, then posted again from a lower role's
// session, and the test checks the answer and that nothing changed.

export type CapturedAction = { headers: Record<string, string>; body: Buffer };

// What makes the POST a server action call; the session cookie is the replaying user's own.
const replayedHeaders = ["next-action", "next-router-state-tree", "content-type", "accept"];

/**
 * Runs `act` on the page and holds back the server-action POST it makes to `path`: the real
 * request, which never reaches the server.
 */
export async function captureAction(page: Page, path: string, act: () => Promise<void>): Promise<CapturedAction> {
  const captured = new Promise<CapturedAction>((resolve) => {
    void page.route(`**${path}`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      resolve({ headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await act();
  const request = await captured;
  expect(request.headers["next-action"], "the form posts a server action").toBeTruthy();
  return request;
}

/**
 * Signs `user` in on `path` in a fresh browser context, runs `whenSignedIn` on that page (to check
 * what the user sees there, say), sends the captured request again with the user's session and
 * returns the answer's text.
 */
export async function replayAs(
  browser: Browser,
  user: { email: string },
  path: string,
  { headers, body }: CapturedAction,
  whenSignedIn?: (page: Page) => Promise<void>,
): Promise<string> {
  const context = await browser.newContext();
  try {
    const replayPage = await context.newPage();
    await signIn(replayPage, user, { callbackUrl: path });
    await whenSignedIn?.(replayPage);
    const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => replayedHeaders.includes(name)));
    const response = await context.request.post(path, { headers: forwarded, data: body });
    expect(response.ok()).toBe(true);
    return await response.text();
  } finally {
    await context.close();
  }
}
