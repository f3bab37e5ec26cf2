import type { RequestShape } from "./http";
import { type LoadResult, runLoad } from "./load";

// The method for comparing pages with the reference app: same PostgreSQL, alternated,
// medians of 3 rounds, 10 connections. A round loads the reference, then a page, then the
// reference again… so every page run sits between two reference runs, and its ratio is its req/s
// over the mean of those two: whatever else the machine did at that moment weighs on both sides.

export type LoadTarget = {
  key: string;
  url: string;
  cookie: string;
  request?: RequestShape;
  cpuSeconds: () => number;
  /** PostgreSQL's CPU seconds so far: the machine's other cost of a page, beside the server's. */
  databaseCpuSeconds?: () => number;
};

export type RoundRun = { round: number; load: LoadResult; referenceRequestsPerSecond?: number; ratio?: number };

export type Medians = { requestsPerSecond: number; p99: number; serverCpuMsPerRequest?: number; databaseCpuMsPerRequest?: number; ratio?: number };

export type Rounds = { runs: RoundRun[]; median: Medians };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function definedMedian(values: (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return known.length > 0 ? median(known) : undefined;
}

export function mediansOf(runs: RoundRun[]): Medians {
  return {
    requestsPerSecond: median(runs.map((run) => run.load.requestsPerSecond)),
    p99: median(runs.map((run) => run.load.p99)),
    serverCpuMsPerRequest: definedMedian(runs.map((run) => run.load.serverCpuMsPerRequest)),
    databaseCpuMsPerRequest: definedMedian(runs.map((run) => run.load.databaseCpuMsPerRequest)),
    ratio: definedMedian(runs.map((run) => run.ratio)),
  };
}

/** One line for the console. */
export function describeLoad(load: LoadResult): string {
  const cpu = load.serverCpuMsPerRequest?.toFixed(1) ?? "?";
  const database = load.databaseCpuMsPerRequest === undefined ? "" : `, PostgreSQL CPU ${load.databaseCpuMsPerRequest.toFixed(1)} ms/request`;
  return `${load.requestsPerSecond} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.errors} errors, ${load.non2xx} non-2xx, server CPU ${cpu} ms/request${database}`;
}

/** One autocannon run with the server's (and PostgreSQL's) CPU time per request. */
export async function loadWithCpu(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  const cpuBefore = target.cpuSeconds();
  const databaseBefore = target.databaseCpuSeconds?.();
  const load = await runLoad(target.url, target.cookie, connections, seconds, target.request);
  // No request finished within the run (a saturated machine): no per-request figure.
  const perRequest = (before: number | undefined, after: number | undefined) =>
    load.requests > 0 && before !== undefined && after !== undefined && Number.isFinite(after - before) ? ((after - before) * 1000) / load.requests : undefined;
  load.serverCpuMsPerRequest = perRequest(cpuBefore, target.cpuSeconds());
  load.databaseCpuMsPerRequest = perRequest(databaseBefore, target.databaseCpuSeconds?.());
  return load;
}

export type RoundsResult = { pages: Map<string, Rounds>; reference?: Rounds };

/**
 * `rounds` rounds over `pages` at `connections`, each page run between two reference runs (when
 * there is a reference). `onRun` reports progress. First, `warmupSeconds` of unmeasured load on
 * every target: V8 optimises a page's own code only after some hundreds of renders, and the
 * reference, loaded between every two pages, would otherwise be the only warm side of a ratio.
 */
export async function runAlternated(
  pages: LoadTarget[],
  reference: LoadTarget | null,
  options: { rounds: number; connections: number; seconds: number; warmupSeconds: number; onRun: (label: string, load: LoadResult) => void },
): Promise<RoundsResult> {
  if (options.warmupSeconds > 0) {
    for (const target of reference ? [reference, ...pages] : pages) {
      await runLoad(target.url, target.cookie, options.connections, options.warmupSeconds, target.request);
    }
  }
  const byPage = new Map<string, RoundRun[]>(pages.map((page) => [page.key, []]));
  const referenceRuns: RoundRun[] = [];
  const runReference = async (round: number) => {
    if (!reference) return undefined;
    const load = await loadWithCpu(reference, options.connections, options.seconds);
    options.onRun(`round ${round} reference`, load);
    referenceRuns.push({ round, load });
    return load.requestsPerSecond;
  };
  for (let round = 1; round <= options.rounds; round++) {
    let before = await runReference(round);
    for (const page of pages) {
      const load = await loadWithCpu(page, options.connections, options.seconds);
      options.onRun(`round ${round} ${page.key}`, load);
      const after = await runReference(round);
      const referenceRequestsPerSecond = before !== undefined && after !== undefined ? (before + after) / 2 : undefined;
      const ratio = referenceRequestsPerSecond ? load.requestsPerSecond / referenceRequestsPerSecond : undefined;
      byPage.get(page.key)?.push({ round, load, referenceRequestsPerSecond, ratio });
      before = after;
    }
  }
  const pagesRounds = new Map([...byPage].map(([key, runs]) => [key, { runs, median: mediansOf(runs) }]));
  return { pages: pagesRounds, reference: reference ? { runs: referenceRuns, median: mediansOf(referenceRuns) } : undefined };
}
