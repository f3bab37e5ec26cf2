import type { Queryable } from "@/db/client";
import { apiTokens, type User } from "@/db/schema";
import { issueToken } from "@/lib/api-tokens/secret";
import { uniqueTag } from "./index";

/**
 * A personal API token of `user` as a row, returning the plaintext the console would have shown
 * once. It skips createApiToken's checks (limit, names, expiry in the future) on purpose, so
 * tests can make expired or long-unused tokens; to exercise those checks, use createApiToken.
 */
export async function makeApiToken(
  db: Queryable,
  user: Pick<User, "id">,
  fields: { name?: string; expiresAt?: Date | null; lastUsedAt?: Date | null; createdAt?: Date } = {},
): Promise<{ id: string; token: string; prefix: string }> {
  const issued = issueToken();
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: user.id,
      name: fields.name ?? `token-${uniqueTag()}`,
      tokenHash: issued.hash,
      prefix: issued.prefix,
      expiresAt: fields.expiresAt ?? null,
      lastUsedAt: fields.lastUsedAt ?? null,
      ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
    })
    .returning({ id: apiTokens.id });
  return { id: row.id, token: issued.token, prefix: issued.prefix };
}
