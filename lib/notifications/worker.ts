import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { startNoticeRunner } from "./runner";

const holder = globalThis as typeof globalThis & { __orgConsoleNotices?: Promise<() => Promise<void>> };

/**
 * Starts this server instance's mail outbox sender and report scheduler (once per process), as the
 * cluster worker starts. NOTICE_WORKER=off leaves sending to other instances.
 */
export function startNoticeWorker(): void {
  if (env.NOTICE_WORKER === "off" || holder.__orgConsoleNotices) return;
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  holder.__orgConsoleNotices = getDb().then((db) =>
    startNoticeRunner(db, { workerId, pollMs: env.NOTICE_POLL_MS, scheduleEveryMs: env.REPORT_SCHEDULE_EVERY_SECONDS * 1000 }),
  );
  process.once("SIGTERM", () => void holder.__orgConsoleNotices?.then((stop) => stop()));
}
