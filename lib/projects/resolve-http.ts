import type { Db } from "@/db/client";
import { type Authentication, authenticateApiToken } from "@/lib/api-tokens/tokens";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import { apiTokenFailureLimit, rateLimitSettings } from "@/lib/rate-limit/limits";
import { formatRetryTime, retryAfterSeconds } from "@/lib/rate-limit/messages";
import { resolveProjectByKey } from "./resolve";

// POST /api/v1/projects/resolve, the CLI's door: `Authorization: Bearer <token>` and
// `X-Project-Key: <key>` in, the project and its organization out. Every answer is JSON and never
// cached; refusals say what to do; bugs answer a generic 500 without a stack trace. The route
// file only hands this its database, so the tests call it with real Requests on theirs.

export const maxBodyBytes = 16 * 1024;
export const allowedMethods = "OPTIONS, POST";

const baseHeaders = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...baseHeaders, ...headers } });
}

function failure(status: number, error: string, message: string, headers?: Record<string, string>): Response {
  return jsonResponse(status, { error, message }, headers);
}

export const internalError = () => failure(500, "internal_error", "Something went wrong on our side and nothing was changed. Try again in a moment.");

export const methodNotAllowed = () =>
  failure(405, "method_not_allowed", "Use POST to resolve a project key.", { Allow: allowedMethods });

/** OPTIONS: which methods this URL answers (Next's own would list the 405 stubs too). */
export const optionsResponse = () => new Response(null, { status: 204, headers: { Allow: allowedMethods, "Cache-Control": "no-store" } });

/** The failed-token limit's settings; tests pass their own. */
export type ResolveLimits = { settings?: typeof rateLimitSettings; trustedProxies?: number; now?: Date };

export async function handleResolve(db: Db, request: Request, limits: ResolveLimits = {}): Promise<Response> {
  try {
    if (request.method !== "POST") return methodNotAllowed();
    if (!(await bodyWithinLimit(request))) {
      return failure(413, "payload_too_large", `The request body must be at most ${maxBodyBytes / 1024} KiB. This endpoint needs no body.`);
    }
    const auth = await authenticateApiToken(db, request.headers.get("authorization"));
    if (!auth.ok) return (await tooManyFailures(db, request, auth, limits)) ?? unauthorized(auth, new URL("/account", request.url).toString());
    const key = request.headers.get("x-project-key");
    if (key === null || key.trim() === "") {
      return failure(400, "missing_project_key", "Send the project key in the X-Project-Key header.");
    }
    const outcome = await resolveProjectByKey(db, auth.user, key);
    if (!outcome.ok) {
      return outcome.reason === "invalid-key"
        ? failure(400, "invalid_project_key", `X-Project-Key is not a valid project key. ${outcome.message}`)
        : failure(403, "plan_limit", outcome.message);
    }
    const { project, organization, created } = outcome;
    return jsonResponse(created ? 201 : 200, {
      project,
      organization: { slug: organization.slug, name: organization.name, kind: organization.kind },
      created,
    });
  } catch (error) {
    // Never the Authorization header: only the failure itself is logged.
    console.error("project resolve failed", error instanceof Error ? error.message : error);
    return internalError();
  }
}

/**
 * Counts a token that was looked up and refused (unknown or expired) against the client's address,
 * and answers 429 once the address has used its failures. Only failures are counted, so the
 * success path costs no extra statement and a valid token still works from a busy address; an
 * absent or malformed header never reached the database and is not counted either.
 */
async function tooManyFailures(db: Db, request: Request, auth: Extract<Authentication, { ok: false }>, limits: ResolveLimits): Promise<Response | null> {
  if (auth.reason !== "unknown" && auth.reason !== "expired") return null;
  const now = limits.now ?? new Date();
  const limit = apiTokenFailureLimit(clientIp(request.headers, limits.trustedProxies), limits.settings);
  const allowed = await consumeRateLimits(db, [limit], { now });
  if (allowed.ok) return null;
  return failure(
    429,
    "rate_limited",
    `Too many requests with an invalid API token came from your address (${limit.max} an hour). Try again after ${formatRetryTime(allowed.refusal.resetAt, now)}.`,
    { "Retry-After": String(retryAfterSeconds(allowed.refusal, now)) },
  );
}

function unauthorizedMessage(auth: Extract<Authentication, { ok: false }>, accountUrl: string): string {
  const create = `Create a token on your account page: ${accountUrl}`;
  switch (auth.reason) {
    case "missing":
      return `Send your API token as Authorization: Bearer <token>. ${create}`;
    case "malformed":
      return `The Authorization header must be Bearer followed by an Org Console API token (it starts with oc_). ${create}`;
    case "unknown":
      return `This API token is not valid: it was revoked, or it never existed. ${create}`;
    case "expired":
      return `This API token expired${auth.expiredAt ? ` on ${auth.expiredAt.toISOString().slice(0, 10)}` : ""}. ${create}`;
  }
}

function unauthorized(auth: Extract<Authentication, { ok: false }>, accountUrl: string): Response {
  // RFC 6750: no error code when the request carried no credentials at all.
  const missing = auth.reason === "missing";
  const challenge = missing ? 'Bearer realm="Org Console"' : 'Bearer realm="Org Console", error="invalid_token"';
  return failure(401, missing ? "missing_token" : "invalid_token", unauthorizedMessage(auth, accountUrl), { "WWW-Authenticate": challenge });
}

/**
 * The body is optional and unused, but bounded: a declared Content-Length over the limit is
 * refused before reading; a streamed (chunked) body is read until it passes the limit, then
 * dropped.
 */
async function bodyWithinLimit(request: Request): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBodyBytes) return false;
  if (!request.body) return true;
  const reader = request.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    received += value.byteLength;
    if (received > maxBodyBytes) {
      await reader.cancel().catch(() => {});
      return false;
    }
  }
}
