import type { Db } from "@/db/client";
import { completeInstall } from "./install";
import { type SetupErrorCode, setupErrors } from "./messages";

// GET /api/github/setup: where GitHub sends the browser after an installation (the App's "Setup
// URL"). Success lands on the organization's Git page with a toast; a refusal lands there with
// ?error=<code> (the page words it, lib/git/messages.ts); when no organization of the caller can
// be named (a forged state, a non-member), a small page of its own says what happened. Never a
// stack trace.

export type SetupAnswer =
  | { kind: "redirect"; location: string; flash: string | null }
  | { kind: "page"; status: number; code: SetupErrorCode; html: string };

export const gitPagePath = (slug: string) => `/orgs/${encodeURIComponent(slug)}/settings/git`;

export async function answerSetup(db: Db, params: URLSearchParams, userId: string): Promise<SetupAnswer> {
  const outcome = await completeInstall(db, {
    userId,
    state: params.get("state"),
    installationId: params.get("installation_id"),
    setupAction: params.get("setup_action"),
  });
  if (outcome.ok) return { kind: "redirect", location: gitPagePath(outcome.slug), flash: outcome.message };
  if (outcome.slug) return { kind: "redirect", location: `${gitPagePath(outcome.slug)}?error=${outcome.code}`, flash: null };
  const status = outcome.code === "forbidden" ? 403 : outcome.code === "not-configured" ? 503 : 400;
  return { kind: "page", status, code: outcome.code, html: setupErrorPage(setupErrors[outcome.code]) };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that stands alone (no organization to show it in): the words, and the way back. */
export function setupErrorPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>GitHub installation not connected · Org Console</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#18181b}
a{color:#1d4ed8}a:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}</style></head>
<body><main><h1>The GitHub installation was not connected</h1><p>${escapeHtml(message)}</p>
<p><a href="/">Back to the console</a></p></main></body></html>`;
}
