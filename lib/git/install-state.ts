import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { gitInstallStates } from "@/db/schema";
import { authSecret } from "@/lib/env";

// The `state` GitHub carries from "Install Github Application" back to the setup URL. It is
// signed (HMAC-SHA256 under the server secret), expires after ten minutes, names the organization
// and the user who started the install, and is used once: its nonce's row is claimed with
// UPDATE … WHERE used_at IS NULL, so a replayed or forged state never connects anything.

export const installStateValidityMs = 10 * 60 * 1000;
const version = "v1";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type StateRefusal = "forged" | "expired" | "replayed" | "other-user";
export type StateCheck = { ok: true; orgId: string } | { ok: false; reason: StateRefusal; orgId?: string };

type Claims = { nonce: string; orgId: string; userId: string; expiresAt: number };

function signature(payload: string): Buffer {
  return createHmac("sha256", `git-install-state:${authSecret()}`).update(payload).digest();
}

function payloadOf(claims: Claims): string {
  return [version, claims.nonce, claims.orgId, claims.userId, String(claims.expiresAt)].join(".");
}

/** The token: the claims in clear (nothing in them is secret), then their signature. */
export function signState(claims: Claims): string {
  const payload = payloadOf(claims);
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** The claims of a token whose signature is ours (compared in constant time), else null. */
export function readSignedState(token: string): Claims | null {
  if (token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 6 || parts[0] !== version) return null;
  const [, nonce, orgId, userId, expires, mac] = parts;
  if (!/^[A-Za-z0-9_-]{22,64}$/.test(nonce) || !uuidPattern.test(orgId) || !uuidPattern.test(userId) || !/^\d{1,15}$/.test(expires)) return null;
  const claims = { nonce, orgId, userId, expiresAt: Number(expires) };
  // Compared as text, so the one canonical encoding of the MAC is the only one accepted.
  const expected = Buffer.from(signature(payloadOf(claims)).toString("base64url"));
  const presented = Buffer.from(mac);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  return claims;
}

/** Issues a one-time state for `userId` installing the App for `orgId`; stored so it can be claimed once. */
export async function createInstallState(db: Queryable, who: { orgId: string; userId: string }, now = new Date()): Promise<string> {
  const claims: Claims = {
    nonce: randomBytes(24).toString("base64url"),
    orgId: who.orgId,
    userId: who.userId,
    expiresAt: now.getTime() + installStateValidityMs,
  };
  // Expired states can never be claimed (the signature's expiry is checked first): forget them.
  await db.delete(gitInstallStates).where(and(eq(gitInstallStates.orgId, who.orgId), lt(gitInstallStates.expiresAt, now)));
  await db.insert(gitInstallStates).values({ nonce: claims.nonce, orgId: claims.orgId, userId: claims.userId, expiresAt: new Date(claims.expiresAt) });
  return signState(claims);
}

/**
 * Checks the token's signature, expiry and user, then claims it (once). A signed token names its
 * organization even when refused, so the caller can send the user back to that organization's page.
 */
export async function verifyAndClaimState(db: Queryable, token: string, userId: string, now = new Date()): Promise<StateCheck> {
  const claims = readSignedState(token);
  if (!claims) return { ok: false, reason: "forged" };
  const { orgId } = claims;
  if (claims.expiresAt <= now.getTime()) return { ok: false, reason: "expired", orgId };
  if (claims.userId !== userId) return { ok: false, reason: "other-user", orgId };
  const [claimed] = await db
    .update(gitInstallStates)
    .set({ usedAt: now })
    .where(
      and(
        eq(gitInstallStates.nonce, claims.nonce),
        eq(gitInstallStates.orgId, orgId),
        eq(gitInstallStates.userId, userId),
        isNull(gitInstallStates.usedAt),
        gt(gitInstallStates.expiresAt, now),
      ),
    )
    .returning({ orgId: gitInstallStates.orgId });
  if (claimed) return { ok: true, orgId: claimed.orgId };
  // Signed by us but not claimable: used before, or its row is gone (the organization was deleted).
  const [row] = await db.select({ usedAt: gitInstallStates.usedAt }).from(gitInstallStates).where(eq(gitInstallStates.nonce, claims.nonce));
  return { ok: false, reason: row?.usedAt ? "replayed" : "forged", orgId };
}
