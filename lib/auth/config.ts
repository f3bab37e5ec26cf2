import type { NextAuthConfig } from "next-auth";

/**
 * The database-free part of the Auth.js configuration (providers and the adapter are added in
 * lib/auth/index.ts).
 */
export const baseAuthConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt" },
  // Self-hosted behind whatever load balancer the operator runs; redirects use the request's host.
  trustHost: true,
  providers: [],
  callbacks: {
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
