import { noticeKindLabels } from "./kinds";
import type { UnsubscribeClaims } from "./unsubscribe-token";

// The unsubscribe link's small page, answered by its route handler (no sign-in, no script): GET
// only shows it (mail scanners follow links), its one button POSTs to the same URL, as the
// List-Unsubscribe-Post one-click does (RFC 8058).

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `
:root { color-scheme: light dark; --bg: #fff; --fg: #18181b; --muted: #52525b; --card: #f4f4f5; --accent: #1d4ed8; --accent-fg: #fff; }
@media (prefers-color-scheme: dark) { :root { --bg: #09090b; --fg: #fafafa; --muted: #a1a1aa; --card: #18181b; --accent: #93c5fd; --accent-fg: #09090b; } }
body { margin: 0; font-family: system-ui, sans-serif; background: var(--bg); color: var(--fg); }
main { max-width: 32rem; margin: 3rem auto; padding: 1.5rem; background: var(--card); border-radius: 0.75rem; }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
p { line-height: 1.5; color: var(--fg); }
.muted { color: var(--muted); }
button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 0.375rem; background: var(--accent); color: var(--accent-fg); cursor: pointer; min-height: 2.5rem; }
button:focus-visible { outline: 3px solid var(--fg); outline-offset: 2px; }
@media (max-width: 34rem) { main { margin: 1rem; } }`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · Org Console</title><style>${style}</style></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

export function confirmPage(claims: UnsubscribeClaims, orgName: string, action: string): string {
  const kind = noticeKindLabels[claims.kind].toLowerCase();
  return page(
    "Unsubscribe",
    `<p>Stop sending <strong>${escape(kind)}</strong> of <strong>${escape(orgName)}</strong> to <strong>${escape(claims.email)}</strong>?</p>
<p class="muted">Other emails about this organization are not affected. An admin of the organization can subscribe this address again from its General Information page.</p>
<form method="post" action="${escape(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function donePage(claims: UnsubscribeClaims, orgName: string): string {
  const kind = noticeKindLabels[claims.kind].toLowerCase();
  return page("You are unsubscribed", `<p role="status">${escape(claims.email)} will no longer receive ${escape(kind)} of ${escape(orgName)}.</p>`);
}

export function invalidPage(): string {
  return page(
    "This unsubscribe link is not valid",
    `<p>The link is incomplete or was changed. Open it again from the email, or copy the whole address into the browser.</p>`,
  );
}

export function goneOrgPage(): string {
  return page("Nothing to unsubscribe from", `<p>This organization no longer exists: it sends no more emails.</p>`);
}
