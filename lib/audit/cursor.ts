import { keysetCursor } from "@/lib/pagination/cursor";

// A page boundary of the log: an event's created_at, to the microsecond (`timestampKey`), and its
// id, which breaks ties between the events written in one transaction (they share now()).
export const auditCursor = keysetCursor({ createdAt: "timestamp", id: "serial" });
export type AuditCursor = { createdAt: string; id: number };
