import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { noticeUnsubscribes, organizations } from "@/db/schema";
import { type NoticeKind, noticeKinds } from "./kinds";
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
