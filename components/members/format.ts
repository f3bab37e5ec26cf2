// Dates as the members pages show them, computed on the server (UTC) so nothing differs at hydration.

const day = 24 * 60 * 60 * 1000;
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "3 hours ago", "in 6 days": the largest unit that fits. */
export function relativeTime(date: Date, now = new Date()): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 60_000) return diff < 0 ? "just now" : "in less than a minute";
  if (abs < 60 * 60_000) return relativeFormat.format(Math.round(diff / 60_000), "minute");
  if (abs < day) return relativeFormat.format(Math.round(diff / (60 * 60_000)), "hour");
  return relativeFormat.format(Math.round(diff / day), "day");
}
