import { randomUUID } from "node:crypto";
import { devLoginProviderId } from "@/lib/auth/dev-login";
// Sign-in through Auth.js's development Credentials provider, and single page fetches.

const sessionCookiePrefix = "authjs.session-token";

// Like a browser: a later Set-Cookie of the same name wins (the proxy and the route handler may
// both set the CSRF cookie on one response).
function cookiePairs(response: Response): string[] {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()];
}

/** Signs in as `email` (created on first sign-in) and returns the `cookie` header of the session. */
export async function signIn(baseUrl: string, person: { email: string; name: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf gave no csrfToken");
  const callback = await fetch(`${baseUrl}/api/auth/callback/${devLoginProviderId}`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email: person.email, name: person.name, callbackUrl: `${baseUrl}/` }),
  });
  await callback.arrayBuffer();
  // Large tokens are split into `authjs.session-token.0`, `.1`…: keep every part.
  const session = cookiePairs(callback).filter((pair) => pair.startsWith(sessionCookiePrefix) && !pair.endsWith("="));
  if (session.length === 0) {
    const where = callback.headers.get("location") ?? "nowhere";
    throw new Error(`sign-in as ${person.email} set no session cookie (status ${callback.status}, redirect to ${where})`);
  }
  return session.join("; ");
}

export type Page = { status: number; bytes: number; html: string; location: string | null };

/** How a measured URL is asked: GET with the session cookie unless said otherwise (the CLI API). */
export type RequestShape = { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };

// autocannon's -I replaces this in headers and body with a fresh id per request; fetchPage does too.
const idPlaceholder = "[<id>]";

/** One request with the session cookie, no redirect followed. */
export async function fetchPage(url: string, cookie: string, shape: RequestShape = {}): Promise<Page> {
  const id = randomUUID();
  const headers = Object.fromEntries(Object.entries({ ...(cookie ? { cookie } : {}), ...shape.headers }).map(([k, v]) => [k, v.replaceAll(idPlaceholder, id)]));
  const response = await fetch(url, { method: shape.method ?? "GET", headers, body: shape.body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: body.byteLength, html: body.toString("utf8"), location: response.headers.get("location") };
}

/** Fetches the page and checks it is a 200 that shows `expectedText`; returns its size. */
export async function expectPage(url: string, cookie: string, expectedText: string, shape: RequestShape = {}): Promise<Page> {
  const page = await fetchPage(url, cookie, shape);
  if (page.status !== 200) {
    throw new Error(`GET ${url} answered ${page.status}${page.location ? ` → ${page.location}` : ""}`);
  }
  if (!page.html.includes(expectedText)) throw new Error(`GET ${url} does not show "${expectedText}"`);
  return page;
}
