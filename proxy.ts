import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";

// Only redirects signed-out visitors to sign in; authorization happens on the server, per request.
const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: authSecret() }));
export { auth as proxy };

export const config = {
  // Auth.js's own routes are left to its route handler (the proxy would set a second CSRF cookie).
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
