import { z } from "zod";
import { actionsInCategory, type AuditCategory, auditCatalog, isAuditCategory } from "./catalog";
import { type AuditCursor, auditCursor } from "./cursor";

// The audit log's filters are GET query parameters (links can be shared), so they arrive as any
// text at all: each is checked here and a bad one comes back as a message for its field, never as
// an exception. Dates are calendar days in UTC.

export const auditFilterFields = ["actor", "action", "from", "to"] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];

export type AuditFilters = {
  /** Lowercased; resolved to the user id inside the query. */
  actorEmail: string | null;
  /** One action, or every action of a category. */
  actions: string[] | null;
  /** Inclusive: 00:00 UTC of the "from" day. */
  from: Date | null;
  /** Exclusive: 00:00 UTC of the day after the "to" day. */
  until: Date | null;
};

export type ParsedAuditFilters = {
  /** The filters as typed (trimmed), to fill the form again and to build links. */
  values: Record<AuditFilterField, string>;
  filters: AuditFilters;
  errors: Partial<Record<AuditFilterField, string>>;
  /** Whether any filter is set. */
  active: boolean;
};

export type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

export function paramOf(params: SearchParams, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

const day = 24 * 60 * 60 * 1000;
const emailSchema = z.email();

export const filterMessages = {
  actor: "Enter the email address of a person, such as alice@example.com.",
  action: "Choose an action type from the list.",
  date: "Enter a date as YYYY-MM-DD.",
  range: "The end date must be on or after the start date.",
} as const;

/** 00:00 UTC of a YYYY-MM-DD day, or null when the text is not a real calendar day. */
export function parseDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number);
  const value = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 2026-02-31 over to March: a real day survives the round trip.
  return year >= 1970 && value.getUTCMonth() === month - 1 && value.getUTCDate() === date ? value : null;
}

function parseActions(text: string): string[] | null | undefined {
  if (!text) return null;
  if (isAuditCategory(text)) return actionsInCategory(text as AuditCategory);
  return Object.hasOwn(auditCatalog, text) ? [text] : undefined;
}

export function parseAuditFilters(params: SearchParams): ParsedAuditFilters {
  const values = Object.fromEntries(auditFilterFields.map((field) => [field, paramOf(params, field).trim().slice(0, 320)])) as Record<AuditFilterField, string>;
  values.actor = values.actor.toLowerCase();
  const errors: ParsedAuditFilters["errors"] = {};

  const actorOk = !values.actor || emailSchema.safeParse(values.actor).success;
  if (!actorOk) errors.actor = filterMessages.actor;
  const actions = parseActions(values.action);
  if (actions === undefined) errors.action = filterMessages.action;
  const from = values.from ? parseDay(values.from) : null;
  if (values.from && !from) errors.from = filterMessages.date;
  const to = values.to ? parseDay(values.to) : null;
  if (values.to && !to) errors.to = filterMessages.date;
  if (from && to && to < from) errors.to = filterMessages.range;

  return {
    values,
    filters: {
      actorEmail: values.actor && actorOk ? values.actor : null,
      actions: actions ?? null,
      from,
      until: to ? new Date(to.getTime() + day) : null,
    },
    errors,
    active: auditFilterFields.some((field) => values[field] !== ""),
  };
}

/** Which page of the log: newest first, or older/newer than an event. */
export type AuditPageRequest = { direction: "older" | "newer"; cursor: AuditCursor | null; cursorInvalid: boolean };

export function parseAuditPage(params: SearchParams): AuditPageRequest {
  const before = paramOf(params, "before");
  const after = paramOf(params, "after");
  if (before) {
    const cursor = auditCursor.decode(before);
    return { direction: "older", cursor, cursorInvalid: !cursor };
  }
  if (after) {
    const cursor = auditCursor.decode(after);
    return cursor ? { direction: "newer", cursor, cursorInvalid: false } : { direction: "older", cursor: null, cursorInvalid: true };
  }
  return { direction: "older", cursor: null, cursorInvalid: false };
}

/** The log's query string for these filter values, with a page cursor or none ("" when empty). */
export function auditLogSearch(values: Record<AuditFilterField, string>, page: { before?: string; after?: string } = {}): string {
  const entries = [...auditFilterFields.map((field) => [field, values[field]]), ["before", page.before ?? ""], ["after", page.after ?? ""]];
  const search = new URLSearchParams(entries.filter((entry) => entry[1] !== "")).toString();
  return search ? `?${search}` : "";
}
