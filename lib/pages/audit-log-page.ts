import "server-only";
import { getDb } from "@/db/client";
import { type AuditActionGroup, auditActionGroups } from "@/lib/audit/catalog";
import { auditCursor } from "@/lib/audit/cursor";
import { type AuditFilterField, auditLogSearch, parseAuditFilters, parseAuditPage, type SearchParams } from "@/lib/audit/filters";
import { type AuditEventView, presentAuditEvent } from "@/lib/audit/present";
import { listAuditEvents, orgPersonExistsWithEmail } from "@/lib/audit/queries";
import type { OrgContext } from "@/lib/authz/context";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

export type AuditLogPage = {
  ctx: OrgContext;
  basePath: string;
  /** The filters as typed, their messages, and whether any is set. */
  values: Record<AuditFilterField, string>;
  errors: Partial<Record<AuditFilterField, string>>;
  filtered: boolean;
  /** Said above the list: a page link that is not ours, an actor email no member or past actor has. */
  notice: string | null;
  actionGroups: AuditActionGroup[];
  events: AuditEventView[];
  /** Links, or null where there is nothing further. */
  links: { newest: string | null; newer: string | null; older: string | null; csv: string | null };
};

/** The same words whether the email is unknown or an account's elsewhere on the console. */
export const unknownActorNotice = (email: string) =>
  `No member or past actor of this organization has the email ${email}. The actor filter needs the current email address of a person.`;

export type AuditLogPageAccess = { ok: true; page: AuditLogPage } | Extract<SettingsPageAccess, { ok: false }>;

/**
 * The audit log page: two SQL statements (the org + membership query shared with the layout, and
 * one page of events joined to the actors; the actor filter's email is resolved inside it), plus a
 * third only when an actor filter matched nothing, to say whether the email is a member's or a past
 * actor's in this organization (never whether it has an account elsewhere on the console).
 */
export async function loadAuditLogPage(slug: string, params: SearchParams): Promise<AuditLogPageAccess> {
  const access = await loadSettingsPage(slug, "audit.read");
  if (!access.ok) return access;
  const { ctx } = access;
  const basePath = `/orgs/${ctx.org.slug}/settings/audit-log`;
  const { values, filters, errors, active } = parseAuditFilters(params);
  const request = parseAuditPage(params);
  const invalid = Object.keys(errors).length > 0;
  const page = {
    ctx,
    basePath,
    values,
    errors,
    filtered: active,
    notice: request.cursorInvalid ? "That page link is not valid (it may have been edited). Showing the newest events." : null,
    actionGroups: auditActionGroups(),
  };
  if (invalid) {
    return { ok: true, page: { ...page, events: [], links: { newest: null, newer: null, older: null, csv: null } } };
  }

  const db = await getDb();
  const listing = await listAuditEvents(db, ctx.org.id, filters, request);
  let notice = page.notice;
  if (listing.events.length === 0 && filters.actorEmail && !request.cursor && !(await orgPersonExistsWithEmail(db, ctx.org.id, filters.actorEmail))) {
    notice = unknownActorNotice(filters.actorEmail);
  }
  const link = (cursor: { before?: string; after?: string }) => `${basePath}${auditLogSearch(values, cursor)}`;
  return {
    ok: true,
    page: {
      ...page,
      notice,
      events: listing.events.map(presentAuditEvent),
      links: {
        newest: request.cursor ? link({}) : null,
        newer: listing.newer ? link({ after: auditCursor.encode(listing.newer) }) : null,
        older: listing.older ? link({ before: auditCursor.encode(listing.older) }) : null,
        csv: `${basePath}/export${auditLogSearch(values)}`,
      },
    },
  };
}
