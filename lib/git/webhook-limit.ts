import type { Db } from "@/db/client";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import { rateLimitSettings, webhookSignatureFailureLimit } from "@/lib/rate-limit/limits";
import { retryAfterSeconds } from "@/lib/rate-limit/messages";

/** The signature-failure limit's settings; tests pass their own. */
export type WebhookLimits = { settings?: typeof rateLimitSettings; trustedProxies?: number; now?: Date };

/**
 * Counts a delivery whose signature failed against the sender's address, and returns the 429 to
 * answer once the address has used its failures (null: answer the usual 401). Only failures are
 * counted: GitHub's signed deliveries cost no extra statement and are never refused by this.
 */
export async function tooManySignatureFailures(db: Db, request: Request, limits: WebhookLimits = {}): Promise<Response | null> {
  const now = limits.now ?? new Date();
  const limit = webhookSignatureFailureLimit(clientIp(request.headers, limits.trustedProxies), limits.settings);
  const allowed = await consumeRateLimits(db, [limit], { now });
  if (allowed.ok) return null;
  const body = { error: "rate_limited", message: `Too many deliveries with a bad signature came from this address (${limit.max} an hour). Try again later.` };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Retry-After": String(retryAfterSeconds(allowed.refusal, now)),
    },
  });
}
