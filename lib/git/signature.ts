import { createHmac, timingSafeEqual } from "node:crypto";

// GitHub signs each webhook delivery: X-Hub-Signature-256 is sha256=<hex HMAC-SHA256 of the raw
// body under the webhook secret>. Checked over the exact bytes received, before any parsing.

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, body), compared in constant time. False for a missing,
 * malformed or wrong signature, and for an empty secret (nothing can be verified with it).
 */
export function verifySignature(secret: string, rawBody: string | Buffer, header: string | null | undefined): boolean {
  if (!secret || !header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const presented = Buffer.from(match[1], "hex");
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
