import type { AuditEventView } from "./present";

// RFC 4180 CSV, with one more rule for files people open in a spreadsheet: a cell that starts with
// = + - @ tab or carriage return would be read as a formula (CSV injection: an actor named
// "=HYPERLINK(…)" could run in the reader's spreadsheet), so it gets a leading apostrophe, which
// spreadsheets show as text.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const auditCsvColumns = ["time", "actor", "action", "description", "target type", "target", "origin", "before", "after"] as const;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** One event as a CSV line: the time in ISO 8601 (UTC), the actor as recorded at the time. */
export function auditCsvLine(event: AuditEventView): string {
  return csvRow([
    event.createdAt.toISOString(),
    event.actor.label,
    event.action,
    event.description,
    event.target.typeLabel,
    event.target.label,
    event.originLabel,
    json(event.before),
    json(event.after),
  ]);
}

export const auditCsvHeader = csvRow([...auditCsvColumns]);

/** attachment; filename="audit-log-acme-2026-11-22.csv" (a slug is [a-z0-9-] only). */
export function auditCsvFilename(slug: string, now = new Date()): string {
  return `audit-log-${slug.replace(/[^a-z0-9-]/g, "-")}-${now.toISOString().slice(0, 10)}.csv`;
}
