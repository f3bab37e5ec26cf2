import postgres from "postgres";

export type HeldLock = {
  /** Runs a statement inside the transaction that holds the lock (not yet visible to others). */
  sql: postgres.TransactionSql;
  /** Commits the holding transaction, which releases the lock. */
  release: () => Promise<void>;
  /** How many other sessions of this database are waiting on a lock right now. */
  waiters: () => Promise<number>;
  /** Resolves once at least `count` other sessions wait on a lock (a request queued behind ours). */
  waitForWaiters: (count?: number) => Promise<void>;
};

/**
 * Takes the organization's row lock on a connection of its own, the way every membership change
 * does, and keeps it until `release`: a test can change rows inside, start requests that queue
 * behind the lock, then commit, and see what those requests read once they get the lock.
 */
export async function holdOrgLock(url: string, orgId: string): Promise<HeldLock> {
  const holder = postgres(url, { max: 1, onnotice: () => {} });
  const watcher = postgres(url, { max: 1, onnotice: () => {} });
  let ready!: (sql: postgres.TransactionSql) => void;
  let finish!: () => void;
  const locked = new Promise<postgres.TransactionSql>((resolve) => (ready = resolve));
  const done = new Promise<void>((resolve) => (finish = resolve));
  const transaction = holder.begin(async (sql) => {
    await sql`select id from organizations where id = ${orgId} for update`;
    ready(sql);
    await done;
  });
  transaction.catch(() => {});
  const sql = await Promise.race([locked, transaction.then(() => Promise.reject(new Error("the lock holder ended early")))]);

  const waiters = async () => {
    const [row] = await watcher`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
    return row.n as number;
  };
  return {
    sql,
    waiters,
    waitForWaiters: async (count = 1) => {
      for (let attempt = 0; attempt < 500; attempt++) {
        if ((await waiters()) >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${count} session(s) queued behind the organization lock within 5 s`);
    },
    release: async () => {
      finish();
      await transaction;
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}
