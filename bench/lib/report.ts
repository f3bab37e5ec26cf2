import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleTable, firstLoadJsTargetGzipBytes, type RouteBundle } from "./bundle-stats";
import type { LoadResult } from "./load";
import { type ReferenceResult, referenceSection } from "./report-reference";
import type { Rounds } from "./rounds";
import type { ClusterFleet } from "./seed-clusters";
import type { ScaleData } from "./seed-scale";
import type { StatementCount } from "./sql-log";

export type PageResult = {
  key: string;
  label: string;
  path: string;
  viewer: string;
  htmlBytes: number;
  /** For a paged list (JSON or HTML): how many rows this page shows out of how many there are. */
  listed?: { shown: number; total: number };
  sql: StatementCount;
  /** The most SQL statements per request this page should need. */
  statementTarget: number;
  /** What the page should have shown and did not (a wrong page rather than a slow one). */
  problem?: string;
  /** The alternated rounds with the reference app, at `settings.roundConnections`. */
  rounds?: Rounds;
  /** Other connection counts, one run each (the CLI API's 50 and 100, the webhook's 50). */
  loads: LoadResult[];
};

export type SizeComparison = { label: string; scale: PageResult; small: PageResult };

export type BenchReport = {
  startedAt: string;
  totalSeconds: number;
  machine: { cpus: number; node: string; postgres: string };
  settings: {
    seconds: number;
    rounds: number;
    roundConnections: number;
    /** Unmeasured seconds of load on each page and on the reference before the rounds. */
    warmupSeconds: number;
    sqlRequests: number;
    statementTarget: number;
    membersStatementTarget: number;
    clustersStatementTarget: number;
  };
  seed: ScaleData;
  /** The clusters seeded in the big organization and in the small one. */
  fleets: { fleet: ClusterFleet; small: ClusterFleet };
  pages: PageResult[];
  /** Measured for size and SQL only, not loaded: the small-end comparisons and a switcher search. */
  others: PageResult[];
  comparisons: SizeComparison[];
  reference: ReferenceResult;
  /** First Load JS per route of the build that was measured (empty, with why, when unreadable). */
  bundles: { routes: RouteBundle[]; error?: string };
  warnings: string[];
};

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const fmt = (value: number) => number.format(value);

function cell(values: (string | number)[]): string {
  return `| ${values.join(" | ")} |`;
}

/** The load table for the other connection counts: one row per page and connection count. */
export function loadTable(report: BenchReport): string {
  const rows = [
    cell(["page", "connections", "req/s", "p50 ms", "p99 ms", "errors / non-2xx", "SQL / request", "HTML bytes", "server CPU ms / req", "PostgreSQL CPU ms / req", "machine load"]),
    cell(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  ];
  for (const page of report.pages) {
    for (const load of page.loads) {
      rows.push(
        cell([
          `${page.label} \`${page.path}\``,
          load.connections,
          fmt(load.requestsPerSecond),
          fmt(load.p50),
          fmt(load.p99),
          `${load.errors + load.timeouts} / ${load.non2xx}`,
          fmt(page.sql.perRequest),
          fmt(page.htmlBytes),
          load.serverCpuMsPerRequest === undefined ? "?" : load.serverCpuMsPerRequest.toFixed(1),
          load.databaseCpuMsPerRequest === undefined ? "?" : load.databaseCpuMsPerRequest.toFixed(1),
          load.loadAverage.toFixed(1),
        ]),
      );
    }
  }
  return rows.join("\n");
}

/** HTML size and SQL count at scale against the same page at the small end. */
export function sizeTable(report: BenchReport): string {
  const rows = [
    cell(["page", "at scale", "bytes", "SQL / req", "small", "bytes", "SQL / req", "ratio"]),
    cell(["---", "---", "---:", "---:", "---", "---:", "---:", "---:"]),
  ];
  for (const { label, scale, small } of report.comparisons) {
    rows.push(
      cell([
        label,
        scale.viewer,
        fmt(scale.htmlBytes),
        fmt(scale.sql.perRequest),
        small.viewer,
        fmt(small.htmlBytes),
        fmt(small.sql.perRequest),
        `${(scale.htmlBytes / small.htmlBytes).toFixed(2)}×${listedNote(scale)}`,
      ]),
    );
  }
  return rows.join("\n");
}

function listedNote(page: PageResult): string {
  return page.listed ? ` (lists ${page.listed.shown} of ${fmt(page.listed.total)})` : "";
}

/**
 * For paged lists in HTML: the bytes one more row costs (from the two ends of the comparison) and
 * what the page would weigh if it rendered every row instead of one page.
 */
function growthNotes(report: BenchReport): string[] {
  return report.comparisons.flatMap(({ label, scale, small }) => {
    if (!scale.listed || !small.listed || scale.listed.shown <= small.listed.shown || scale.path.startsWith("/api/")) return [];
    const perRow = (scale.htmlBytes - small.htmlBytes) / (scale.listed.shown - small.listed.shown);
    const everything = small.htmlBytes + perRow * (scale.listed.total - small.listed.shown);
    return [
      `- ${label}: about ${fmt(Math.round(perRow))} bytes per listed row; the page lists ${scale.listed.shown} rows of ${fmt(scale.listed.total)}, ` +
        `so it weighs ${fmt(scale.htmlBytes)} bytes where listing them all would take about ${fmt(everything / 1_000_000)} MB.`,
    ];
  });
}

function statementDetails(pages: PageResult[]): string {
  return pages
    .map((page) => {
      const kinds = Object.entries(page.sql.byKind)
        .map(([kind, count]) => `${kind}: ${fmt(count / page.sql.requests)}`)
        .join(", ");
      const lines = page.sql.distinct.map(({ sql, count }) => `  - ${fmt(count / page.sql.requests)}× \`${sql.replaceAll("`", "'")}\``);
      return [`- **${page.label}** as ${page.viewer} (\`${page.path}\`): ${fmt(page.sql.perRequest)} per request (${kinds || "none"})`, ...lines].join("\n");
    })
    .join("\n");
}

function statusCounts(fleet: ClusterFleet): string {
  return Object.entries(fleet.byStatus)
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${fmt(n)} ${status}`)
    .join(", ");
}

export function renderMarkdown(report: BenchReport): string {
  const { seed, settings, machine } = report;
  return [
    `# Benchmark: ${report.startedAt}`,
    "",
    `\`npm run bench\`: production build (\`next start\`) on PostgreSQL ${machine.postgres}, Node ${machine.node}, ${machine.cpus} CPU cores shared by the server, PostgreSQL and autocannon. ` +
      `Each page loaded for ${settings.seconds} s per run; SQL counted from PostgreSQL's log (log_statement = all) over ${settings.sqlRequests} sequential requests per page. Whole run: ${fmt(report.totalSeconds)} s.`,
    "",
    `Seeded in ${fmt(seed.seconds)} s: ${fmt(seed.counts.users)} users, ${fmt(seed.counts.organizations)} organizations, ${fmt(seed.counts.memberships)} memberships, ${fmt(seed.counts.auditEvents)} audit events. ` +
      `The bench user is in ${seed.benchUserOrgs} organizations and owns one with ${fmt(seed.bigOrgMembers)} members and ${fmt(seed.bigOrgInvitations)} pending invitations; ` +
      `the small user is in ${seed.smallUserOrgs} and owns one with ${seed.smallOrgMembers} members and ${seed.smallOrgInvitations} pending invitations. ` +
      `The members search \`${seed.memberSearch.q}\` matches ${seed.memberSearch.hits} members; the later members page starts after member ${fmt(seed.laterPage.position)}. ` +
      `The big organization has ${fmt(report.fleets.fleet.clusters)} clusters (${statusCounts(report.fleets.fleet)}), the small one ${report.fleets.small.clusters}.`,
    "",
    ...referenceSection(report),
    "## Other connection counts",
    "",
    "One run each. `machine load` is the 1-minute load average just before the run: anything well above the core count means other work shared the machine and req/s and latency are low. " +
      "`server CPU ms / req` (the `next start` processes' user + system time over the run, divided by the requests served) depends much less on that.",
    "",
    loadTable(report),
    "",
    `## First Load JS per route (gzip; target ≤ ${firstLoadJsTargetGzipBytes / 1000} kB)`,
    "",
    report.bundles.error ?? "From `.next/diagnostics/route-bundle-stats.json` (its chunk list per route, each chunk gzipped here); `npm run bench:js` prints the same table for an existing build.",
    "",
    ...(report.bundles.routes.length ? [bundleTable(report.bundles.routes), ""] : []),
    "## Does a page grow with organizations or members?",
    "",
    sizeTable(report),
    "",
    "For the Members pages a row is a member or a pending invitation (the page lists one page of each).",
    "",
    ...growthNotes(report),
    "",
    `## SQL statements per request (target ≤ ${settings.statementTarget}; Members pages ≤ ${settings.membersStatementTarget}; Clusters pages ≤ ${settings.clustersStatementTarget})`,
    "",
    statementDetails([...report.pages, ...report.others]),
    "",
    ...(report.warnings.length ? ["## Warnings", "", ...report.warnings.map((w) => `- ${w}`), ""] : []),
  ].join("\n");
}

/** Writes `<stamp>.json`, `<stamp>.md` and `latest.md` into `dir`; returns the paths. */
export function writeReport(dir: string, report: BenchReport): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const markdown = renderMarkdown(report);
  const files = [path.join(dir, `${stamp}.json`), path.join(dir, `${stamp}.md`), path.join(dir, "latest.md")];
  writeFileSync(files[0], `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files[1], markdown);
  writeFileSync(files[2], markdown);
  return files;
}
