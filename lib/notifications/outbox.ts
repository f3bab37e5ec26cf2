import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailOutbox, noticeUnsubscribes, type OutboxEmail } from "@/db/schema";
import { sendEmail } from "@/lib/mail/send";
import type { NoticeKind } from "./kinds";
import { unsubscribeLink } from "./unsubscribe-token";

/** A sender that stops for this long (a crash mid-send) is presumed dead; its email is taken over. */
export const outboxStaleAfterSeconds = 120;
export const outboxMaxAttempts = 5;
/** Retry n waits base × 4^(n-1): 30 s, 2 min, 8 min, 32 min by default. */
export const outboxBackoffSeconds = 30;

export type NoticeEmail = { orgId: string; kind: NoticeKind; to: string; subject: string; text: string; dedupeKey: string };

/**
 * Queues one notice in the caller's transaction: a rollback queues nothing, the dedupe key makes a
 * second enqueue of the same email a no-op, and an address unsubscribed from this kind for this
 * organization is skipped. The body ends with the signed one-click unsubscribe link, which the
 * List-Unsubscribe headers carry too (RFC 8058). Returns whether a row was queued.
 */
export async function enqueueNotice(tx: Queryable, email: NoticeEmail, appUrl: string): Promise<boolean> {
  const to = email.to.trim().toLowerCase();
  const link = unsubscribeLink(appUrl, { orgId: email.orgId, kind: email.kind, email: to });
  const body = `${email.text}\n\n--\nYou receive this email as an admin contact of the organization. Unsubscribe from these emails: ${link}`;
  const headers = { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  const rows = await tx.execute<{ id: number }>(sql`
    insert into ${mailOutbox} (org_id, kind, dedupe_key, recipient, subject, body, headers)
    select ${email.orgId}, ${email.kind}, ${email.dedupeKey}, ${to}, ${email.subject}, ${body}, ${JSON.stringify(headers)}::jsonb
    where not exists (
      select 1 from ${noticeUnsubscribes}
      where ${noticeUnsubscribes.orgId} = ${email.orgId} and ${noticeUnsubscribes.email} = ${to} and ${noticeUnsubscribes.kind} = ${email.kind}
    )
    on conflict (dedupe_key) do nothing
    returning id`);
  return rowsOf(rows).length > 0;
}

// postgres.js answers an array, PGlite an object with `rows`.
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Takes the oldest email due: queued and due, or `sending` under a sender that went silent. */
export async function claimEmail(db: Queryable, workerId: string): Promise<OutboxEmail | null> {
  const [row] = await db
    .update(mailOutbox)
    .set({ status: "sending", lockedBy: workerId, lockedAt: sql`now()`, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(
      eq(
        mailOutbox.id,
        sql`(select id from ${mailOutbox}
              where (${mailOutbox.status} = 'queued' and ${mailOutbox.runAfter} <= now())
                 or (${mailOutbox.status} = 'sending' and ${mailOutbox.lockedAt} < now() - make_interval(secs => ${outboxStaleAfterSeconds}))
              order by ${mailOutbox.id} limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

const ours = (row: OutboxEmail, workerId: string) => and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, "sending"), eq(mailOutbox.lockedBy, workerId));

/**
 * Sends one claimed email through the mailer and marks it sent; a failure is retried with backoff,
 * then marked failed after outboxMaxAttempts. (An SMTP server that accepted the message just before
 * this process died gets it again when the row is taken over: at least once, never a lost email.)
 */
export async function deliverEmail(db: Queryable, row: OutboxEmail, workerId: string, send = sendEmail): Promise<"sent" | "retry" | "failed"> {
  try {
    await send({ to: row.recipient, subject: row.subject, text: row.body, headers: row.headers ?? undefined });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : "the mail server refused the message";
    const final = row.attempts >= outboxMaxAttempts;
    await db
      .update(mailOutbox)
      .set(
        final
          ? { status: "failed", lastError: reason, lockedBy: null }
          : {
              status: "queued",
              lastError: reason,
              lockedBy: null,
              runAfter: sql`now() + make_interval(secs => ${outboxBackoffSeconds * 4 ** (row.attempts - 1)})`,
            },
      )
      .where(ours(row, workerId));
    console.warn(`outbox email ${row.id} to ${row.recipient}: ${reason}${final ? " (given up)" : " (will retry)"}`);
    return final ? "failed" : "retry";
  }
  await db.update(mailOutbox).set({ status: "sent", sentAt: sql`now()`, lockedBy: null }).where(ours(row, workerId));
  return "sent";
}

/** Sends every email due now, one after another; returns how many were claimed. For the runner and tests. */
export async function drainOutbox(db: Queryable, workerId: string, send = sendEmail): Promise<number> {
  let claimed = 0;
  for (let row = await claimEmail(db, workerId); row; row = await claimEmail(db, workerId)) {
    claimed += 1;
    await deliverEmail(db, row, workerId, send);
  }
  return claimed;
}

/** Sent and failed emails are kept this long (what was sent, for support), then pruned by the scheduler tick. */
export const outboxRetentionDays = 30;

/** Deletes up to `batch` settled emails older than the retention; rows another sender holds are skipped. */
export async function pruneOutbox(db: Queryable, batch = 1_000): Promise<void> {
  await db.execute(sql`
    delete from ${mailOutbox} where id = any(array(
      select id from ${mailOutbox}
      where ${mailOutbox.status} in ('sent', 'failed') and ${mailOutbox.createdAt} < now() - make_interval(days => ${outboxRetentionDays})
      limit ${batch} for update skip locked
    ))`);
}
