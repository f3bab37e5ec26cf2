import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/context";
import { expiresAtFor, isExpired, type NewApiTokenInput } from "./expiry";
import { hashApiToken, issueToken, parseBearer } from "./secret";

// Personal API tokens: they belong to a user, not to an organization, so they write no
// organization audit event. Every read and write is scoped by the owner's user id.

/** Enough for every machine and CI job a person runs, and a list that stays one short page. */
export const maxTokensPerUser = 50;
/** last_used_at is written at most this often per token, so a busy CLI costs one read per call. */
export const lastUsedResolutionMs = 60_000;

export type CreateApiTokenOutcome =
  | { ok: true; token: string; id: string; name: string; expiresAt: Date | null }
  | { ok: false; fieldErrors?: Record<string, string>; formError?: string };

export async function createApiToken(db: Queryable, userId: string, input: NewApiTokenInput, now = new Date()): Promise<CreateApiTokenOutcome> {
  const expiry = expiresAtFor(input, now);
  if (!expiry.ok) return { ok: false, fieldErrors: { expiresOn: expiry.message } };
  return db.transaction(async (tx): Promise<CreateApiTokenOutcome> => {
    // The user's row serializes their token creations, so the limit and the name check hold when
    // two tabs submit at once.
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
    if (!owner) return { ok: false, formError: "Your account no longer exists. Sign in again." };
    const [{ n }] = await tx.select({ n: count() }).from(apiTokens).where(eq(apiTokens.userId, userId));
    if (n >= maxTokensPerUser) {
      return { ok: false, formError: `You have ${maxTokensPerUser} tokens, the most an account may hold. Revoke one you no longer use (expired ones count too).` };
    }
    const [sameName] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), sql`lower(${apiTokens.name}) = lower(${input.name})`))
      .limit(1);
    if (sameName) return { ok: false, fieldErrors: { name: "You already have a token with this name. Choose another name." } };
    const issued = issueToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name: input.name, tokenHash: issued.hash, prefix: issued.prefix, expiresAt: expiry.expiresAt })
      .returning({ id: apiTokens.id });
    return { ok: true, token: issued.token, id: row.id, name: input.name, expiresAt: expiry.expiresAt };
  });
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  expired: boolean;
};

/** The user's tokens, newest first (at most maxTokensPerUser exist). */
export async function listApiTokens(db: Queryable, userId: string, now = new Date()): Promise<ApiTokenListItem[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(maxTokensPerUser);
  return rows.map((row) => ({ ...row, expired: isExpired(row.expiresAt, now) }));
}

/** Deletes one of the user's tokens; null when it is not theirs or already gone (same answer). */
export async function revokeApiToken(db: Queryable, userId: string, tokenId: string): Promise<{ name: string } | null> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ name: apiTokens.name });
  return row ?? null;
}

export type AuthenticationFailure = "missing" | "malformed" | "unknown" | "expired";
export type Authentication =
  | { ok: true; user: Actor; tokenId: string }
  | { ok: false; reason: AuthenticationFailure; expiredAt?: Date };

/**
 * The user behind `Authorization: Bearer <token>`. The lookup is by the token's SHA-256 through a
 * unique index: an attacker learns nothing from timing that a 256-bit guess could use. One read;
 * last_used_at is written only when it is a minute old, by a conditional UPDATE so that concurrent
 * requests write it at most once.
 */
export async function authenticateApiToken(db: Queryable, authorization: string | null | undefined, now = new Date()): Promise<Authentication> {
  const bearer = parseBearer(authorization);
  if (!bearer.ok) return bearer;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      user: { id: users.id, name: users.name, email: users.email },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(bearer.token)))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.expiresAt && isExpired(row.expiresAt, now)) return { ok: false, reason: "expired", expiredAt: row.expiresAt };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) await touchLastUsed(db, row.tokenId);
  return { ok: true, user: row.user, tokenId: row.tokenId };
}

async function touchLastUsed(db: Queryable, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
}
