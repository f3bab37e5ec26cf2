import { type NextRequest, NextResponse } from "next/server";

// Pages a signed-out visitor may open; everything else sends them to sign in and then back.
// The CLI API (/api/v1/…) authenticates by bearer token in its own handler, and answers JSON;
// GitHub's webhook deliveries authenticate by their signature (lib/git/webhook-http.ts).
const publicPaths = ["/sign-in", "/api/v1", "/api/github/webhooks"];

/**
 * Only redirects visitors without a session cookie to sign in. It neither verifies nor renews the
 * session: pages and actions verify it (lib/auth) and read roles from the database per request.
 * Renewing here would let a prefetch still in flight at sign-out set the cookie again.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  // Auth.js splits a large session token into `.0`, `.1`… chunks.
  const signedIn = request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
  if (signedIn) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Auth.js's own routes and static files are not gated.
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
