import type { Queryable } from "@/db/client";
import type { AuditCursor } from "./cursor";
import { auditCsvHeader, auditCsvLine } from "./csv";
import type { AuditFilters } from "./filters";
import { presentAuditEvent } from "./present";
import { type AuditEventRow, selectAuditEvents } from "./queries";

export const exportBatchSize = 1_000;

/** Every event matching the filters, newest first, a keyset batch at a time. */
export async function* auditEventBatches(db: Queryable, orgId: string, filters: AuditFilters, batchSize = exportBatchSize): AsyncGenerator<AuditEventRow[]> {
  let cursor: AuditCursor | null = null;
  for (;;) {
    const rows = await selectAuditEvents(db, orgId, filters, { direction: "older", cursor, limit: batchSize });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { createdAt: last.createdAtKey, id: last.id };
  }
}

/**
 * The filtered log as a CSV byte stream. Batches are read only as the client takes the bytes
 * (pull), so a million events never sit in memory and a slow download does not pile them up.
 */
export function auditCsvStream(db: Queryable, orgId: string, filters: AuditFilters, batchSize = exportBatchSize): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = auditEventBatches(db, orgId, filters, batchSize);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(auditCsvHeader));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => auditCsvLine(presentAuditEvent(row))).join("")));
      } catch (error) {
        // Headers are gone already: the download ends broken rather than silently short.
        console.error("audit log export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
