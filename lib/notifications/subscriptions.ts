import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { noticeUnsubscribes, organizations } from "@/db/schema";
import { type NoticeKind, noticeKinds } from "./kinds";
import { fallbackRecipientRows } from "./recipients";
import type { UnsubscribeClaims } from "./unsubscribe-token";

/** Records the unsubscribe (idempotent). The organization's name for the answer, or null when it is gone. */
export async function unsubscribe(db: Queryable, claims: UnsubscribeClaims): Promise<{ orgName: string } | null> {
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, claims.orgId));
  if (!org) return null;
  await db.insert(noticeUnsubscribes).values({ orgId: claims.orgId, email: claims.email.toLowerCase(), kind: claims.kind }).onConflictDoNothing();
  return { orgName: org.name };
}

export async function orgNameOf(db: Queryable, orgId: string): Promise<string | null> {
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  return org?.name ?? null;
}

export type AddressSubscriptions = { email: string; unsubscribed: NoticeKind[] };

/** For the General Information page: which kinds each admin contact email has unsubscribed from. */
export async function subscriptionsOf(db: Queryable, orgId: string, emails: string[]): Promise<AddressSubscriptions[]> {
  const lower = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows = lower.length
    ? await db
        .select({ email: noticeUnsubscribes.email, kind: noticeUnsubscribes.kind })
        .from(noticeUnsubscribes)
        .where(and(eq(noticeUnsubscribes.orgId, orgId), inArray(noticeUnsubscribes.email, lower)))
    : [];
  return lower.map((email) => ({
    email,
    unsubscribed: noticeKinds.filter((kind) => rows.some((row) => row.email === email && row.kind === kind)),
  }));
}

export type SubscriptionsOverview = {
  addresses: AddressSubscriptions[];
  /** True when no admin contact email is set: the owner and admins receive them instead. */
  fallback: boolean;
  /** Recipients beyond the ones listed (only without contacts). */
  notShown: number;
};

/**
 * For the General Information page, in one statement: the admin contact emails with what each
 * unsubscribed from, or without contacts the first `shown` of the owner and admins who receive
 * them (the same ones, in the same order, as `noticeRecipients`) and how many more do.
 */
export async function subscriptionsOverview(db: Queryable, org: { id: string; adminContactEmails: string[] }, shown: number): Promise<SubscriptionsOverview> {
  if (org.adminContactEmails.length > 0) {
    return { addresses: await subscriptionsOf(db, org.id, org.adminContactEmails), fallback: false, notShown: 0 };
  }
  const rows = await rowsOf<{ email: string; total: number | string; unsubscribed: string[] | string | null }>(
    db,
    sql`
      with recipients as (${fallbackRecipientRows(org.id)})
      select r.email, (select count(*) from recipients) as total,
        (select array_agg(n.kind order by n.kind) from ${noticeUnsubscribes} n where n.org_id = ${org.id} and n.email = r.email) as unsubscribed
      from recipients r
      where r.position <= ${shown}
      order by r.position`,
  );
  const addresses = rows.map((row) => {
    const kinds = parseTextArray(row.unsubscribed);
    return { email: row.email, unsubscribed: noticeKinds.filter((kind) => kinds.includes(kind)) };
  });
  return { addresses, fallback: true, notShown: rows.length ? Number(rows[0].total) - rows.length : 0 };
}

// A raw statement's text[] arrives parsed from postgres.js and as "{a,b}" from PGlite.
function parseTextArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, "").split(",").filter(Boolean);
}
