import "server-only";
import { getDb } from "@/db/client";
import { maxCustomYears } from "@/lib/api-tokens/expiry";
import { listApiTokens, maxTokensPerUser } from "@/lib/api-tokens/tokens";
import { appUrl } from "@/lib/http/app-url";

const day = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The API tokens section of /account for the signed-in user: their tokens (never more than
 * maxTokensPerUser, so one page), the custom expiry date's bounds (UTC, as the server checks
 * them) and the URL the CLI calls.
 */
export async function accountApiTokens(userId: string) {
  const now = new Date();
  const tokens = await listApiTokens(await getDb(), userId, now);
  const latest = new Date(Date.UTC(now.getUTCFullYear() + maxCustomYears, now.getUTCMonth(), now.getUTCDate()));
  return {
    tokens,
    atLimit: tokens.length >= maxTokensPerUser,
    maxTokens: maxTokensPerUser,
    dateBounds: { min: isoDay(new Date(now.getTime() + day)), max: isoDay(latest) },
    resolveUrl: `${await appUrl()}/api/v1/projects/resolve`,
  };
}
