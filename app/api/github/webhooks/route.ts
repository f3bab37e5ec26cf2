import { getDb } from "@/db/client";
import { githubEnv } from "@/lib/env";
import { handleWebhookRequest, webhookResponse } from "@/lib/git/webhook-http";

// GitHub's webhook deliveries (lib/git/webhook-http.ts). No session: the proxy lets this path
// through, and the X-Hub-Signature-256 under GITHUB_APP_WEBHOOK_SECRET is the authentication.

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const secret = githubEnv().GITHUB_APP_WEBHOOK_SECRET;
  if (!secret) {
    return webhookResponse(503, { error: "not_configured", message: "Set GITHUB_APP_WEBHOOK_SECRET to receive the GitHub App's webhooks." });
  }
  let db;
  try {
    db = await getDb();
  } catch (error) {
    console.error("GitHub webhook: database unavailable", error instanceof Error ? error.message : error);
    return webhookResponse(500, { error: "internal_error", message: "The delivery could not be applied; nothing was changed. Redeliver it later." });
  }
  return handleWebhookRequest(db, request, secret);
}
