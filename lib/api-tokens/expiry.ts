import { z } from "zod";

// When a new token expires: a number of days from now, a date the owner picks, or never.

export const expiryChoices = ["30", "90", "365", "never", "date"] as const;
export type ExpiryChoice = (typeof expiryChoices)[number];

export const expiryLabels: Record<ExpiryChoice, string> = {
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "No expiration",
  date: "Custom date",
};

/** The furthest a custom date may be: five years ahead. */
export const maxCustomYears = 5;
const day = 24 * 60 * 60 * 1000;

export const newApiTokenSchema = z.object({
  name: z
    .string("Enter a token name.")
    .trim()
    .min(1, "Enter a token name, such as “CI” or “My laptop”.")
    .max(60, "The name must be at most 60 characters."),
  expiry: z.enum(expiryChoices, "Choose when the token expires."),
  // Only read with expiry "date" (the browser's date input sends YYYY-MM-DD).
  expiresOn: z.string().trim().max(20).optional().default(""),
});
export type NewApiTokenInput = z.output<typeof newApiTokenSchema>;

export type ExpiryResult = { ok: true; expiresAt: Date | null } | { ok: false; message: string };

/**
 * The moment the token stops working. A custom date is the day it expires on, from its start
 * (00:00 UTC), as the list shows it; it must be after today and at most `maxCustomYears` ahead.
 */
export function expiresAtFor(input: Pick<NewApiTokenInput, "expiry" | "expiresOn">, now = new Date()): ExpiryResult {
  if (input.expiry === "never") return { ok: true, expiresAt: null };
  if (input.expiry !== "date") return { ok: true, expiresAt: new Date(now.getTime() + Number(input.expiry) * day) };
  const date = parseDay(input.expiresOn);
  if (!date) return { ok: false, message: "Enter the expiration date as a calendar date (YYYY-MM-DD)." };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (date.getTime() <= today) return { ok: false, message: "Choose a date after today." };
  const latest = Date.UTC(now.getUTCFullYear() + maxCustomYears, now.getUTCMonth(), now.getUTCDate());
  if (date.getTime() > latest) return { ok: false, message: `Choose a date at most ${maxCustomYears} years from today, or No expiration.` };
  return { ok: true, expiresAt: date };
}

function parseDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, dayOfMonth] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  // Rejects 2026-02-30 and friends, which Date would roll over into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return null;
  return date;
}

export function isExpired(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
