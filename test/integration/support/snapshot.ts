import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, memberships, organizations } from "@/db/schema";

/** Every row an organization owns in the tables a mutation may touch, in a stable order. */
export async function snapshotOrg(db: Queryable, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db.select().from(memberships).where(eq(memberships.orgId, orgId)).orderBy(asc(memberships.userId));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  return { org: org ?? null, members, audit };
}

/** The PostgreSQL error code behind a rejection (drizzle wraps driver errors in `cause`). */
export function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Awaits a promise that must reject, and returns the PostgreSQL error code and message. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    const messages: string[] = [];
    let current: unknown = error;
    for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
      messages.push(current.message);
      current = current.cause;
    }
    return { code: pgCode(error), message: messages.join(" / ") };
  }
  throw new Error("expected the database to refuse this, but it succeeded");
}
