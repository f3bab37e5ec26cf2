import { createHash, randomBytes } from "node:crypto";

// The shape of a personal API token and the only two things the server ever does with one: hash
// it (to store or look it up) and read it from an Authorization header. The plaintext token is
// returned once, at creation, and never stored or logged.

export const tokenScheme = "oc_";
/** `oc_` + 32 random bytes in base64url (43 characters, no padding). */
export const tokenPattern = /^oc_[A-Za-z0-9_-]{43}$/;
export const prefixLength = 8;

export type IssuedToken = { token: string; hash: string; prefix: string };

export function issueToken(): IssuedToken {
  const token = `${tokenScheme}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: tokenPrefix(token) };
}

/** SHA-256 hex of the whole token: 256 random bits need no salt or slow hash. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The first characters after `oc_`, shown in the list so the owner can tell tokens apart. */
export function tokenPrefix(token: string): string {
  return token.slice(tokenScheme.length, tokenScheme.length + prefixLength);
}

/** How the list shows a token it can no longer show: `oc_AbCd1234…`. */
export function maskedToken(prefix: string): string {
  return `${tokenScheme}${prefix}…`;
}

export type BearerParse = { ok: true; token: string } | { ok: false; reason: "missing" | "malformed" };

/**
 * Reads `Authorization: Bearer <token>` (RFC 6750: the scheme is case-insensitive). No header, or
 * an empty one, is "missing"; another scheme or something that is not an Org Console token is
 * "malformed" and never reaches the database.
 */
export function parseBearer(header: string | null | undefined): BearerParse {
  const value = header?.trim() ?? "";
  if (!value) return { ok: false, reason: "missing" };
  const match = /^Bearer +(\S+)$/i.exec(value);
  if (!match || !tokenPattern.test(match[1])) return { ok: false, reason: "malformed" };
  return { ok: true, token: match[1] };
}
