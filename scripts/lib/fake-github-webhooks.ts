import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

// A webhook delivery as GitHub sends one: the JSON body, X-GitHub-Event, a fresh X-GitHub-Delivery
// id and X-Hub-Signature-256 (signed here with Octokit's own implementation, independent of the
// console's verifier). The integration tests hand the Request to the route's handler; the e2e
// helper fetches it against the running console.

export type Webhook = { event: string; payload: Record<string, unknown> };

export async function signedWebhookRequest(
  url: string,
  secret: string,
  webhook: Webhook,
  options: { deliveryId?: string; signature?: string | null } = {},
): Promise<Request> {
  const body = JSON.stringify(webhook.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/fake",
    "x-github-event": webhook.event,
    "x-github-delivery": options.deliveryId ?? randomUUID(),
    "x-github-hook-installation-target-type": "integration",
  };
  const signature = options.signature === undefined ? await sign(secret, body) : options.signature;
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  return new Request(url, { method: "POST", headers, body });
}
