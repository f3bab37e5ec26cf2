import { type NextRequest, NextResponse } from "next/server";
import { formBodyLimitBytes } from "@/lib/http/form-body-limit";
import { hasOddPath, hasOddQuery, oddQueryResponse } from "@/lib/http/odd-query";
import { newNonce, pagePolicy, requestedPathHeader, servedOverHttps, withTransportSecurity } from "@/lib/http/proxy-security";

// Pages a signed-out visitor may open; everything else sends them to sign in and then back.
// The CLI API (/api/v1/…) authenticates by bearer token in its own handler, and answers JSON;
// GitHub's webhook deliveries authenticate by their signature (lib/git/webhook-http.ts); Auth.js's
// own routes sign people in. The unsubscribe link of notices is signed (lib/notifications).
const publicPaths = ["/sign-in", "/api/auth", "/api/v1", "/api/github/webhooks", "/api/unsubscribe"];

/**
 * Redirects visitors without a session cookie to sign in, and gives every page its per-request
 * Content-Security-Policy nonce (the static security headers come from next.config.ts). It neither
 * verifies nor renews the session: pages and actions verify it (lib/auth) and read roles from the
 * database per request. Renewing here would let a prefetch still in flight at sign-out set the
 * cookie again.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps(request);
  if (hasOddPath(pathname)) return notFound(request, pathname, https);
  if (hasOddQuery(search)) return withTransportSecurity(oddQueryResponse(request), https);
  if (tooLargeForAnAction(request)) return withTransportSecurity(tooLargeResponse(), https);
  if (publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass(request, pathname, https);
  // Auth.js splits a large session token into `.0`, `.1`… chunks.
  const signedIn = request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
  if (signedIn) return pass(request, pathname, https);
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withTransportSecurity(NextResponse.redirect(signIn), https);
}

function pass(request: NextRequest, pathname: string, https: boolean): NextResponse {
  // Route handlers answer JSON or files and run no script: next.config.ts's policy is enough.
  if (pathname.startsWith("/api/")) return withTransportSecurity(NextResponse.next(), https);
  return withPagePolicy(request, https, (headers) => NextResponse.next({ request: { headers } }));
}

/** A path that names nothing (see hasOddPath): the not-found page, 404, like any missing page. */
function notFound(request: NextRequest, pathname: string, https: boolean): NextResponse {
  if (pathname.startsWith("/api/")) {
    return withTransportSecurity(NextResponse.json({ error: "not_found" }, { status: 404, headers: { "cache-control": "no-store" } }), https);
  }
  return withPagePolicy(request, https, (headers) => NextResponse.rewrite(new URL("/not-found", request.url), { request: { headers } }));
}

// Next reads the nonce from the request's Content-Security-Policy and puts it on every script it
// renders (our pages are all rendered per request, so every one gets a fresh nonce).
function withPagePolicy(request: NextRequest, https: boolean, respond: (headers: Headers) => NextResponse): NextResponse {
  const policy = pagePolicy(newNonce(), https);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // The path and query asked for, which server components cannot read otherwise: a renamed
  // organization's old URL redirects to the same path (lib/orgs/renamed-path.ts). Always set here,
  // so a value the browser sent is never the one read.
  headers.set(requestedPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = respond(headers);
  response.headers.set("content-security-policy", policy);
  return withTransportSecurity(response, https);
}

// Next answers 500 to a server action whose body is over its limit; the browser checks first
// (components/forms/form-size-guard.tsx), and anything else is refused here, by its declared size.
function tooLargeForAnAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  return Number(request.headers.get("content-length") ?? 0) > formBodyLimitBytes;
}

function tooLargeResponse(): NextResponse {
  return new NextResponse("This form is too large to send: a form takes at most 1 MB in all.", {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = {
  // Static files skip the proxy (their headers come from next.config.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
