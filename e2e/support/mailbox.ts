import type { CapturedEmail } from "@/scripts/lib/smtp-capture";

// Reading the emails the console sent, from the SMTP capture server playwright.config.ts starts
// (scripts/smtp-capture-server.ts). Each test invites its own unique addresses, so an address's
// mailbox holds only that test's emails.

export type { CapturedEmail };

function mailboxUrl(): string {
  const url = process.env.E2E_MAILBOX_URL;
  if (!url) throw new Error("E2E_MAILBOX_URL is not set: run the tests through playwright.config.ts");
  return url;
}

/** Every email delivered to `to` so far, oldest first. */
export async function emailsTo(to: string): Promise<CapturedEmail[]> {
  const response = await fetch(`${mailboxUrl()}/messages?to=${encodeURIComponent(to)}`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`the mailbox answered ${response.status}`);
  return (await response.json()) as CapturedEmail[];
}

type WaitOptions = {
  /** Only emails whose subject contains this text (or matches this pattern). */
  subject?: string | RegExp;
  /** Wait until at least this many matching emails have arrived; returns the newest. Default 1. */
  count?: number;
  timeoutMs?: number;
};

/** Polls the mailbox (bounded, ~15 s) until `to` has the email; returns the newest match. */
export async function waitForEmail(to: string, options: WaitOptions = {}): Promise<CapturedEmail> {
  const { subject, count = 1, timeoutMs = 15_000 } = options;
  const matches = (email: CapturedEmail) =>
    subject === undefined || (typeof subject === "string" ? email.subject.includes(subject) : subject.test(email.subject));
  const deadline = Date.now() + timeoutMs;
  let seen: CapturedEmail[] = [];
  while (Date.now() < deadline) {
    seen = await emailsTo(to);
    const found = seen.filter(matches);
    if (found.length >= count) return found[found.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const subjects = seen.map((email) => `"${email.subject}"`).join(", ") || "none";
  throw new Error(`no${count > 1 ? ` ${count}` : ""} email to ${to}${subject ? ` with subject ${String(subject)}` : ""} within ${timeoutMs / 1000} s (received: ${subjects})`);
}

/** The invitation link in an email (`http://host/invitations/<token>`), exactly as written. */
export function linkIn(email: CapturedEmail): string {
  const match = /https?:\/\/[^\s/]+\/invitations\/[A-Za-z0-9_-]+/.exec(email.text);
  if (!match) throw new Error(`no invitation link in the email "${email.subject}":\n${email.text}`);
  return match[0];
}
