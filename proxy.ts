import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";

// Only redirects signed-out visitors to sign in; authorization happens on the server, per request.
const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: authSecret() }));
export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
