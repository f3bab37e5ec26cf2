import postgres from "postgres";

export type TableGate = {
  /** Resolves once at least `count` other sessions wait on a lock (queued at the gate). */
  waitForWaiters: (count: number) => Promise<void>;
  /** Commits the transaction holding the table lock: every queued statement starts at once. */
  open: () => Promise<void>;
};

/**
 * Closes `table` with an ACCESS EXCLUSIVE lock on a connection of its own, so that statements sent
 * from many connections queue behind it and then run together when it opens. It turns "sent at
 * nearly the same time" into "running at the same time", so a race test cannot pass by luck of
 * timing (driver overhead alone staggers calls from Promise.all by more than a short statement takes).
 */
export async function closeTable(url: string, table: string): Promise<TableGate> {
  const holder = postgres(url, { max: 1, onnotice: () => {} });
  const watcher = postgres(url, { max: 1, onnotice: () => {} });
  let locked!: () => void;
  let finish!: () => void;
  const ready = new Promise<void>((resolve) => (locked = resolve));
  const done = new Promise<void>((resolve) => (finish = resolve));
  const transaction = holder.begin(async (sql) => {
    await sql.unsafe(`lock table "${table.replaceAll('"', '""')}" in access exclusive mode`);
    locked();
    await done;
  });
  transaction.catch(() => {});
  await Promise.race([ready, transaction.then(() => Promise.reject(new Error("the gate closed early")))]);
  return {
    waitForWaiters: async (count) => {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const [row] = await watcher`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
        if (row.n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`fewer than ${count} sessions queued at the gate within 10 s`);
    },
    open: async () => {
      finish();
      await transaction;
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}

/**
 * Starts every call, waits until all of them are queued behind a lock on `table`, then lets them go
 * together. Each call must touch `table` early (an organization-scoped action reads `organizations`
 * first), or the gate waits in vain and fails after 10 s.
 */
export async function releasedTogether<T>(url: string, table: string, calls: (() => Promise<T>)[]): Promise<T[]> {
  const gate = await closeTable(url, table);
  const running = Promise.all(calls.map((call) => call()));
  try {
    await Promise.race([gate.waitForWaiters(calls.length), running.then(() => Promise.reject(new Error("the calls ended before the gate opened")))]);
  } finally {
    await gate.open();
  }
  return running;
}
