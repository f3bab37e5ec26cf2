import type { NextAuthConfig } from "next-auth";

// Pages a signed-out visitor may open; everything else sends them to sign in and then back.
const publicPaths = ["/sign-in", "/api/auth"];

/**
 * The part of the Auth.js configuration the proxy needs: no providers and no database, so that
 * reading the session cookie on every request stays cheap.
 */
export const baseAuthConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt" },
  // Self-hosted behind whatever load balancer the operator runs; redirects use the request's host.
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      // Only the identity travels in the token; roles are read from the database on every request.
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
