import { verify } from "@octokit/webhooks-methods";
import type { Db } from "@/db/client";
import { tooManySignatureFailures, type WebhookLimits } from "./webhook-limit";
import { handleWebhook } from "./webhooks";

// POST /api/github/webhooks: GitHub's deliveries. The body is read raw and bounded, its
// X-Hub-Signature-256 checked in constant time before anything is parsed, then applied once.
// Every answer is JSON. The route file only hands this its database and secret, so the tests call
// it with real Requests.

export const maxWebhookBytes = 1024 * 1024;

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function webhookResponse(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers });
}

const refuse = (status: number, error: string, message: string) => webhookResponse(status, { error, message });

/** The request's body, or null once it passes `limit` bytes (a declared length is refused before reading). */
async function readBounded(request: Request, limit: number): Promise<Buffer | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
}

/**
 * X-Hub-Signature-256 (`sha256=<hex HMAC-SHA256 of the body under the secret>`), checked by Octokit in
 * constant time. Octokit throws on an empty secret, body or header: each of those is simply unsigned
 * here. The header is lowercased because a proxy may pass the hex on in capitals.
 */
async function signedByGitHub(secret: string, body: string, header: string | null): Promise<boolean> {
  if (!secret || !body || !header) return false;
  return verify(secret, body, header.toLowerCase());
}

const deliveryIdPattern = /^[A-Za-z0-9-]{1,100}$/;
// Any event name GitHub uses (projects_v2_item, …): checked loosely, and bounded, since it is
// echoed in the answer. Events the console does not use are acknowledged with 202 "ignored".
const eventPattern = /^[A-Za-z0-9_.-]{1,100}$/;

export async function handleWebhookRequest(db: Db, request: Request, secret: string, limits: WebhookLimits = {}): Promise<Response> {
  try {
    if (request.method !== "POST") return refuse(405, "method_not_allowed", "GitHub delivers webhooks with POST.");
    const body = await readBounded(request, maxWebhookBytes);
    if (!body) return refuse(413, "payload_too_large", `A delivery must be at most ${maxWebhookBytes / 1024 / 1024} MiB.`);
    // The bytes as text, once: the signature is checked over exactly what is then parsed.
    const rawBody = body.toString("utf8");
    // Nothing unsigned is looked at further, not even its headers.
    if (!(await signedByGitHub(secret, rawBody, request.headers.get("x-hub-signature-256")))) {
      return (await tooManySignatureFailures(db, request, limits)) ?? refuse(401, "invalid_signature", "X-Hub-Signature-256 is missing or does not match the body under the webhook secret.");
    }
    const event = request.headers.get("x-github-event");
    const deliveryId = request.headers.get("x-github-delivery");
    if (!event || !eventPattern.test(event) || !deliveryId || !deliveryIdPattern.test(deliveryId)) {
      return refuse(400, "missing_headers", "X-GitHub-Event and X-GitHub-Delivery are required.");
    }
    const outcome = await handleWebhook(db, { deliveryId, event, rawBody });
    switch (outcome.result) {
      case "applied":
        return webhookResponse(200, { ok: true, result: "applied", action: outcome.action });
      case "duplicate":
      case "ignored":
      case "unchanged":
        return webhookResponse(202, { ok: true, result: outcome.result, message: outcome.reason });
      case "invalid":
        return refuse(400, "invalid_payload", outcome.reason);
    }
  } catch (error) {
    // GitHub marks the delivery failed; it can be redelivered once we are back.
    console.error("GitHub webhook failed", error instanceof Error ? error.message : error);
    return refuse(500, "internal_error", "The delivery could not be applied; nothing was changed. Redeliver it later.");
  }
}
