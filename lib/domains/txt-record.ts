import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { env } from "@/lib/env";

// Ownership of a domain is shown by a TXT record the console names and fills: it is read through
// Node's resolver, from DNS_RESOLVER when set (tests point it at a local DNS server), otherwise
// the system's resolvers.

const challengePrefix = "_org-console-challenge";

export function challengeName(domain: string): string {
  return `${challengePrefix}.${domain}`;
}

/** A fresh value for a domain's TXT record, stored with it. */
export function newVerificationToken(): string {
  return `org-console-verification=${randomBytes(18).toString("base64url")}`;
}

export type TxtCheck = { ok: true } | { ok: false; message: string };

const maxShown = 3;

/** "“a”, “b”", shortened so that a long record does not flood the message. */
function quoted(values: string[]): string {
  const shown = values.slice(0, maxShown).map((v) => `“${v.length > 80 ? `${v.slice(0, 77)}…` : v}”`);
  return shown.join(", ") + (values.length > maxShown ? ` and ${values.length - maxShown} more` : "");
}

/**
 * Whether `domain`'s challenge name holds a TXT record equal to `token`, read now (never cached by
 * the console). A failure says what was found, so the admin knows what to fix.
 */
export async function checkTxtRecord(domain: string, token: string, server: string | undefined = env.DNS_RESOLVER): Promise<TxtCheck> {
  const name = challengeName(domain);
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  if (server) resolver.setServers([server]);
  let records: string[];
  try {
    // A TXT record may come in several strings of at most 255 characters: they make one value.
    records = (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "ENODATA") {
      return { ok: false, message: `No TXT record was found at ${name}. Create it, wait for DNS to spread (a few minutes, sometimes an hour), then verify again.` };
    }
    return { ok: false, message: `The DNS lookup of ${name} failed (${code ?? "no answer"}). Try again in a few minutes.` };
  }
  if (records.includes(token)) return { ok: true };
  if (records.length === 0) return { ok: false, message: `No TXT record was found at ${name}.` };
  return {
    ok: false,
    message: `${name} has ${records.length === 1 ? "a TXT record" : `${records.length} TXT records`}, ${quoted(records)}, but none is the value shown here. Check for typos or quotes, or an old value.`,
  };
}
