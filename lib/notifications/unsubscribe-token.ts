import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";
import { isNoticeKind, type NoticeKind } from "./kinds";

// The one-click unsubscribe link's token: organization, kind and address in clear (nothing in
// them is secret to their recipient), then an HMAC-SHA256 under a key derived from AUTH_SECRET,
// as the git install state and invitation links are signed. It never expires: an old email's
// link must still work.

const version = "u1";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type UnsubscribeClaims = { orgId: string; kind: NoticeKind; email: string };

function signature(payload: string): string {
  return createHmac("sha256", `notice-unsubscribe:${authSecret()}`).update(payload).digest("base64url");
}

function payloadOf(claims: UnsubscribeClaims): string {
  return [version, claims.orgId, claims.kind, Buffer.from(claims.email.toLowerCase()).toString("base64url")].join(".");
}

export function signUnsubscribe(claims: UnsubscribeClaims): string {
  const payload = payloadOf(claims);
  return `${payload}.${signature(payload)}`;
}

/** The claims of a token whose signature is ours (compared in constant time), else null. */
export function readUnsubscribe(token: string): UnsubscribeClaims | null {
  if (typeof token !== "string" || token.length > 600) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== version) return null;
  const [, orgId, kind, encodedEmail, mac] = parts;
  if (!uuidPattern.test(orgId) || !isNoticeKind(kind) || !/^[A-Za-z0-9_-]{1,450}$/.test(encodedEmail)) return null;
  const email = Buffer.from(encodedEmail, "base64url").toString("utf8");
  if (!email.includes("@") || email !== email.toLowerCase()) return null;
  const claims = { orgId, kind, email };
  const expected = Buffer.from(signature(payloadOf(claims)));
  const presented = Buffer.from(mac);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  return claims;
}

export function unsubscribeLink(appUrl: string, claims: UnsubscribeClaims): string {
  return `${appUrl.replace(/\/+$/, "")}/api/unsubscribe/${signUnsubscribe(claims)}`;
}
