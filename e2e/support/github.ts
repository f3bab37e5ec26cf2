import type { FakeInstallation, NewInstallation } from "@/scripts/lib/fake-github-app";
import { signedWebhookRequest, type Webhook } from "@/scripts/lib/fake-github-webhooks";

// The local GitHub as the end-to-end tests drive it: its /_control API changes installations the
// way someone would on github.com and answers the webhook GitHub would then send, which
// `deliverWebhook` signs with the run's secret and POSTs to the console, as GitHub does.
// playwright.config.ts sets E2E_GITHUB_URL and E2E_GITHUB_WEBHOOK_SECRET.

type Change = { installation: FakeInstallation; webhook: Webhook };

function githubUrl(): string {
  const url = process.env.E2E_GITHUB_URL;
  if (!url) throw new Error("E2E_GITHUB_URL is not set: run the end-to-end tests through playwright.config.ts");
  return url;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${githubUrl()}/_control${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake GitHub ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const fakeGithub = {
  /** An installation of the App on a test account (not yet connected to any organization). */
  createInstallation: async (input: NewInstallation) => (await control<{ installation: FakeInstallation }>("POST", "/installations", input)).installation,
  installation: async (id: number) => (await control<{ installation: FakeInstallation }>("GET", `/installations/${id}`)).installation,
  /** The installation of the App on `login`, as the installation page created it. */
  installationOf: async (login: string) => {
    const response = await fetch(`${githubUrl()}/_control/installations?account=${encodeURIComponent(login)}`);
    return response.ok ? ((await response.json()) as { installation: FakeInstallation }).installation : null;
  },
  /** "Manage permission" on GitHub: grant and revoke repositories ("name" or "owner/name"). */
  changeRepositories: (id: number, change: { add?: string[]; remove?: string[] }) => control<Change>("POST", `/installations/${id}/repositories`, change),
  suspend: (id: number) => control<Change>("POST", `/installations/${id}/suspend`),
  unsuspend: (id: number) => control<Change>("POST", `/installations/${id}/unsuspend`),
  uninstall: (id: number) => control<Change>("DELETE", `/installations/${id}`),
};

/**
 * Sends a webhook delivery to the console at `baseURL` as GitHub would (signed, with a fresh
 * delivery id unless one is given). Returns the console's answer.
 */
export async function deliverWebhook(baseURL: string, webhook: Webhook, options: { deliveryId?: string } = {}): Promise<{ status: number; body: unknown }> {
  const secret = process.env.E2E_GITHUB_WEBHOOK_SECRET;
  if (!secret) throw new Error("E2E_GITHUB_WEBHOOK_SECRET is not set: run the end-to-end tests through playwright.config.ts");
  const response = await fetch(await signedWebhookRequest(new URL("/api/github/webhooks", baseURL).toString(), secret, webhook, options));
  return { status: response.status, body: await response.json() };
}
