// Counts and dates as the console writes them. Dates are formatted in UTC: the server does not know
// the reader's time zone, server and browser then render the same text at hydration, and every
// reader of a shared link sees the same times. Each formatter is built once: building one is the
// expensive part.

const count = new Intl.NumberFormat("en-US");

/** "1,024" */
export function formatCount(n: number): string {
  return count.format(n);
}

/** "member" or "members" (the word alone, for a sentence that writes the number itself). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "1 member", "1,024 members" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${pluralWord(n, one, many)}`;
}

const mediumDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "Nov 22, 2026" */
export function formatDate(date: Date): string {
  return mediumDate.format(date);
}

// Day before month is assembled from en-US parts: the locales that order them so (en-GB and the
// rest of en-001) abbreviate September "Sept", and these times are read as "22 Nov" everywhere.
const dateTimeParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function utcParts(date: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const parts = { day: "", month: "", year: "", hour: "", minute: "" };
  for (const { type, value } of dateTimeParts.formatToParts(date)) if (type in parts) parts[type as keyof typeof parts] = value;
  return parts;
}

/** "22 Nov 2026, 14:03 UTC" */
export function formatDateTime(date: Date): string {
  const p = utcParts(date);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} UTC`;
}

/** "14:03 UTC" */
export function formatClock(date: Date): string {
  const p = utcParts(date);
  return `${p.hour}:${p.minute} UTC`;
}

/** "22 Nov, 14:03 UTC" */
export function formatDayAndClock(date: Date): string {
  const p = utcParts(date);
  return `${p.day} ${p.month}, ${p.hour}:${p.minute} UTC`;
}

const day = 24 * 60 * 60 * 1000;
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", "in 6 days": the largest unit that fits. */
export function relativeTime(date: Date, now = new Date()): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 60_000) return diff < 0 ? "just now" : "in less than a minute";
  if (abs < 60 * 60_000) return relativeFormat.format(Math.round(diff / 60_000), "minute");
  if (abs < day) return relativeFormat.format(Math.round(diff / (60 * 60_000)), "hour");
  return relativeFormat.format(Math.round(diff / day), "day");
}
