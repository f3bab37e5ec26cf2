import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

export const invitationValidityDays = 7;

export function newTokenNonce(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The link's token: 32 bytes of HMAC-SHA256 under the server secret over the invitation and a
 * random nonce. A copy of the database alone cannot produce a working link, yet the console can
 * show an admin the link again ("Copy link") without keeping the token itself.
 */
export function invitationToken(invitationId: string, nonce: string): string {
  return createHmac("sha256", `invitation-link:${authSecret()}`).update(`${invitationId}.${nonce}`).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of a stored hash with the hash of a presented token. */
export function tokenMatches(storedHash: string, token: string): boolean {
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, "")}/invitations/${token}`;
}

export function expiryFromNow(now = new Date()): Date {
  return new Date(now.getTime() + invitationValidityDays * 24 * 60 * 60 * 1000);
}
