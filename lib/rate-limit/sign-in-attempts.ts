import type { Queryable } from "@/db/client";
import { clientIp } from "./client-ip";
import { consumeRateLimits, type RateLimitRefusal } from "./consume";
import { rateLimitSettings, signInLimits } from "./limits";

// Sign-in attempts, per client address and per email. Free of next-auth, so tests import it.

/**
 * Counts one sign-in attempt against the client's address and the email, both or neither;
 * returns the refusal when either is used up.
 */
export async function consumeSignInAttempt(
  db: Queryable,
  input: { headers: Headers; email?: string | null },
  limits: { settings?: typeof rateLimitSettings; trustedProxies?: number; now?: Date } = {},
): Promise<RateLimitRefusal | null> {
  const ip = clientIp(input.headers, limits.trustedProxies);
  const outcome = await consumeRateLimits(db, signInLimits({ ip, email: input.email }, limits.settings), { now: limits.now });
  return outcome.ok ? null : outcome.refusal;
}

/** Where /sign-in says a refused sign-in may be tried again: `retry` is the window's end (epoch seconds). */
export function signInRefusedPath(refusal: RateLimitRefusal): string {
  return `/sign-in?${new URLSearchParams({ error: "RateLimited", retry: String(Math.ceil(refusal.resetAt.getTime() / 1000)) })}`;
}

/**
 * The OAuth providers' sign-ins, counted in Auth.js's signIn callback once the provider has named
 * the account (the development sign-in counts in its `authorize`, before any user exists).
 * Answers true, or the sign-in page's path that says when to try again.
 */
export async function oauthSignInAllowed(
  db: Queryable,
  input: { headers: Headers | undefined; email?: string | null; providerType?: string },
): Promise<true | string> {
  if (input.providerType === "credentials") return true;
  const refusal = await consumeSignInAttempt(db, { headers: input.headers ?? new Headers(), email: input.email });
  return refusal ? signInRefusedPath(refusal) : true;
}
