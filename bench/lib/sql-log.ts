import { randomBytes } from "node:crypto";
import { openSync, readSync, closeSync, statSync } from "node:fs";
import postgres from "postgres";

// Counting the SQL a page issues, from PostgreSQL's own log (log_statement = all). A statement is
// one `statement: …` line (simple protocol) or one `execute <name>: …` line (extended protocol,
// which postgres.js uses for queries with parameters); parse/bind lines are not statements.

/** `log_line_prefix` for startPostgres: no spaces or shell metacharacters (pg_ctl passes it through sh). */
export const logLinePrefix = "pid=%p,db=%d,app=%a,";
const recordPattern = /^pid=(\d+),db=([^,]*),app=([^,]*),([A-Z]+):  (.*)$/;
const statementPattern = /^(?:statement|execute [^:]+): ([\s\S]*)$/;
const benchApplication = "org-console-bench";

export type StatementCount = {
  requests: number;
  statements: number;
  perRequest: number;
  /** Statements by their first SQL word (select, insert, begin…). */
  byKind: Record<string, number>;
  /** The distinct statements (first 160 characters) with how often each ran. */
  distinct: { sql: string; count: number }[];
};

export type StatementCounter = {
  count: (requests: number, run: () => Promise<void>) => Promise<StatementCount>;
  close: () => Promise<void>;
};

/** A counter over `logFile`, placing markers through its own connection to `databaseUrl`. */
export function statementCounter(logFile: string, databaseUrl: string): StatementCounter {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { application_name: benchApplication } });

  // Runs a marker query and waits (bounded) until the log shows it; returns where its line ends.
  async function mark(from: number): Promise<number> {
    const marker = `bench-marker-${randomBytes(6).toString("hex")}`;
    await client.unsafe(`select '${marker}'`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const text = readFrom(logFile, from);
      const at = text.indexOf(marker);
      if (at >= 0) {
        const lineEnd = text.indexOf("\n", at);
        if (lineEnd >= 0) return from + Buffer.byteLength(text.slice(0, lineEnd + 1));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`marker ${marker} never reached the PostgreSQL log`);
  }

  return {
    async count(requests, run) {
      const start = await mark(statSync(logFile).size);
      await run();
      const end = await mark(start);
      return summarize(readFrom(logFile, start, end), requests);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function readFrom(file: string, start: number, end = statSync(file).size): string {
  const length = Math.max(0, end - start);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

function summarize(log: string, requests: number): StatementCount {
  const byKind: Record<string, number> = {};
  const distinct = new Map<string, number>();
  let statements = 0;
  for (const record of records(log)) {
    if (record.level !== "LOG" || record.application === benchApplication) continue;
    const statement = statementPattern.exec(record.message);
    if (!statement) continue;
    statements += 1;
    const text = statement[1].trim();
    const kind = (/^\w+/.exec(text)?.[0] ?? "other").toLowerCase();
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    const key = text.replace(/\s+/g, " ").slice(0, 160);
    distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  return {
    requests,
    statements,
    perRequest: requests > 0 ? statements / requests : 0,
    byKind,
    distinct: [...distinct].map(([sql, count]) => ({ sql, count })).sort((a, b) => b.count - a.count),
  };
}

type LogRecord = { application: string; level: string; message: string };

// A multi-line statement continues on lines without the prefix: they belong to the record above.
function records(log: string): LogRecord[] {
  const list: LogRecord[] = [];
  for (const line of log.split("\n")) {
    const match = recordPattern.exec(line);
    if (match) list.push({ application: match[3], level: match[4], message: match[5] });
    else if (list.length > 0) list[list.length - 1].message += `\n${line}`;
  }
  return list;
}
