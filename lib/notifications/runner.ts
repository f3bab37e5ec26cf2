import type { Db } from "@/db/client";
import { drainOutbox, pruneOutbox } from "./outbox";
import { runReportScheduler } from "./scheduler";

/**
 * Polls the mail outbox and, every `scheduleEveryMs`, runs the usage-report scheduler. Every
 * server instance may run one: SKIP LOCKED keeps senders apart and the reports' unique key keeps
 * schedulers apart. Returns a function that stops it and waits for the current round.
 */
export function startNoticeRunner(db: Db, options: { workerId: string; pollMs?: number; scheduleEveryMs?: number }) {
  let stopping = false;
  let lastSchedule = 0;
  let wake: (() => void) | null = null;
  const loop = async () => {
    while (!stopping) {
      try {
        if (Date.now() - lastSchedule >= (options.scheduleEveryMs ?? 10 * 60_000)) {
          lastSchedule = Date.now();
          await runReportScheduler(db);
          await pruneOutbox(db);
        }
        await drainOutbox(db, options.workerId);
      } catch (error) {
        console.error("notice runner:", error);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.pollMs ?? 2_000);
      });
    }
  };
  const running = loop();
  return async () => {
    stopping = true;
    wake?.();
    await running;
  };
}
