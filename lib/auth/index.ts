import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Bitbucket from "next-auth/providers/bitbucket";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import GitLab from "next-auth/providers/gitlab";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { authSecret, configuredOAuthProviders, devLoginEnabled, env } from "@/lib/env";
import { SignInRateLimited } from "@/lib/rate-limit/sign-in";
import { consumeSignInAttempt, oauthSignInAllowed } from "@/lib/rate-limit/sign-in-attempts";
import { createUserWithPersonalOrg, findOrCreateUser } from "@/lib/users/create-user";
import { baseAuthConfig } from "./config";
import { devLoginProviderId } from "./dev-login";
import { SignInNotAllowed } from "./sign-in-not-allowed";
import { emailDomainAllowed, oauthPolicyRefusal, signInPolicy, signInRefusedPolicyPath } from "./sign-in-policy";
import { readSession } from "./session";
import { endSession, loadSessionUser, type SessionRef, startSession } from "./user-sessions";

export { readSession } from "./session";

export { devLoginProviderId };

const devCredentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().max(100).optional(),
});

const oauthFactories = { github: GitHub, gitlab: GitLab, bitbucket: Bitbucket };

function gitHubProvider(clientId: string, clientSecret: string): Provider {
  // Checking AUTH_GITHUB_ALLOWED_ORGS reads the user's organizations, private memberships included.
  const scope = signInPolicy().githubOrgs.length > 0 ? "read:user user:email read:org" : undefined;
  return GitHub({
    clientId,
    clientSecret,
    ...(env.AUTH_GITHUB_URL ? { enterprise: { baseUrl: env.AUTH_GITHUB_URL } } : {}),
    ...(scope ? { authorization: { params: { scope } } } : {}),
  });
}

function providers(): Provider[] {
  const list: Provider[] = configuredOAuthProviders().map(({ id, clientId, clientSecret }) =>
    id === "github" ? gitHubProvider(clientId, clientSecret) : oauthFactories[id]({ clientId, clientSecret }),
  );
  if (devLoginEnabled) {
    list.push(
      Credentials({
        id: devLoginProviderId,
        name: "Development sign-in",
        credentials: { email: { label: "Email", type: "email" }, name: { label: "Name" } },
        // Development only: whoever types an email is that user. Never on in production unless
        // AUTH_DEV_LOGIN=true says so.
        async authorize(raw, request) {
          const parsed = devCredentials.safeParse(raw);
          if (!parsed.success) return null;
          // Counted before the user is found or created: every attempt, per address and per email.
          const refusal = await consumeSignInAttempt(await getDb(), { headers: request.headers, email: parsed.data.email });
          if (refusal) throw new SignInRateLimited(refusal);
          if (!emailDomainAllowed(parsed.data.email, signInPolicy().emailDomains)) throw new SignInNotAllowed("domain");
          const user = await findOrCreateUser(await getDb(), {
            email: parsed.data.email,
            name: parsed.data.name || null,
          });
          return { id: user.id, email: user.email, name: user.name, image: user.image };
        },
      }),
    );
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const db = await getDb();
  const adapter = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts });
  return {
    ...baseAuthConfig,
    callbacks: {
      ...baseAuthConfig.callbacks,
      // A sign-in opens a session row; the token names it (`sid`) and lives only as long as it.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startSession(db, user.id, request?.headers.get("user-agent") ?? null);
        }
        return token;
      },
      // OAuth sign-ins: attempts per address and per email (lib/rate-limit/sign-in.ts), then who
      // may sign in at all (lib/auth/sign-in-policy.ts). The development sign-in checks both in
      // its authorize.
      async signIn({ user, account }) {
        const allowed = await oauthSignInAllowed(db, { headers: request?.headers, email: user.email, providerType: account?.type });
        if (allowed !== true || account?.type === "credentials") return allowed;
        const refusal = await oauthPolicyRefusal({ email: user.email, provider: account?.provider, accessToken: account?.access_token });
        return refusal ? signInRefusedPolicyPath(refusal) : true;
      },
    },
    events: {
      // Sign-out ends the session on the server too: a copy of the cookie opens nothing after it.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(db, sid);
      },
    },
    secret: authSecret(),
    providers: providers(),
    adapter: {
      ...adapter,
      // A first OAuth sign-in creates the personal organization in the same transaction.
      createUser: async ({ id: _ignored, ...profile }) => {
        const user = await createUserWithPersonalOrg(db, profile);
        return { ...user, emailVerified: user.emailVerified };
      },
    },
  };
});

/**
 * Who the cookie names and its session row, without asking the database: the doors put the
 * session's check into the query they make anyway (lib/authz/authorize.ts). Identity only: never
 * read a role from the session.
 */
export async function currentSession(): Promise<SessionRef | null> {
  const session = await readSession();
  return session ? { userId: session.userId, sessionId: session.sessionId } : null;
}

/** The signed-in user's id once the database confirms the session (for doors with no query of their own). */
export async function currentUserId(): Promise<string | null> {
  const session = await currentSession();
  return session && (await loadSessionUser(await getDb(), session)) ? session.userId : null;
}
