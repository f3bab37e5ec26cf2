export type ReportKind = "weekly" | "monthly";
export type ReportPeriod = { kind: ReportKind; start: Date; end: Date };

const dayMs = 24 * 60 * 60 * 1000;

/** The ISO week containing `now`: Monday 00:00 UTC to the next Monday. */
export function currentWeek(now: Date): ReportPeriod {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  const start = new Date(midnight - sinceMonday * dayMs);
  return { kind: "weekly", start, end: new Date(start.getTime() + 7 * dayMs) };
}

/** The latest period of `kind` that is over at `now` (UTC): last ISO week, or last calendar month. */
export function latestCompletedPeriod(kind: ReportKind, now: Date): ReportPeriod {
  if (kind === "weekly") {
    const end = currentWeek(now).start;
    return { kind, start: new Date(end.getTime() - 7 * dayMs), end };
  }
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { kind, start: new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1)), end };
}
