import type { BenchReport, PageResult } from "./report";
import { median, type Rounds } from "./rounds";

// The report's main table: every loaded page against the reference app (bench/lib/reference-app.ts)
// from the alternated rounds (bench/lib/rounds.ts), with the issue's targets.

/** Every settings page and the organization home: at least this share of the reference's req/s. */
export const referenceRatioTarget = 0.6;
/** Any page's HTML. */
export const htmlTargetBytes = 100_000;

/** The organization home (`/orgs/<slug>`) and its settings pages hold the ratio target. */
export function hasRatioTarget(page: Pick<PageResult, "path">): boolean {
  return /^\/orgs\/[^/?]+(\/settings\/[^?]*)?(\?.*)?$/.test(page.path);
}

export type ReferenceResult =
  | { status: "measured"; sourceDir: string; path: string; htmlBytes: number; rounds: Rounds }
  | { status: "skipped"; reason: string };

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const fmt = (value: number | undefined, digits = 1) => (value === undefined ? "?" : number.format(Number(value.toFixed(digits))));
const cell = (values: (string | number)[]) => `| ${values.join(" | ")} |`;

function targetNote(page: PageResult): string {
  const notes: string[] = [];
  const ratio = page.rounds?.median.ratio;
  if (hasRatioTarget(page) && ratio !== undefined && ratio < referenceRatioTarget) notes.push(`⚠ < ${referenceRatioTarget}×`);
  if (page.htmlBytes > htmlTargetBytes) notes.push("⚠ HTML > 100 kB");
  if (notes.length > 0) return notes.join(", ");
  if (!hasRatioTarget(page)) return "ok (HTML only)";
  return ratio === undefined ? "HTML ok, no ratio" : "ok";
}

/** The reference's req/s per round: the median of that round's runs (one more than pages loaded). */
function referenceRoundMedians(rounds: Rounds): string[] {
  const byRound = new Map<number, number[]>();
  for (const run of rounds.runs) byRound.set(run.round, [...(byRound.get(run.round) ?? []), run.load.requestsPerSecond]);
  return [...byRound.values()].map((values) => fmt(median(values)));
}

export function referenceTable(report: BenchReport): string {
  const rows = [
    cell(["page", "req/s", "p99 ms", "server CPU ms / req", "PostgreSQL CPU ms / req", "HTML bytes", "× reference", "per round", "targets"]),
    cell(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---", "---"]),
  ];
  const { reference } = report;
  if (reference.status === "measured") {
    const { median } = reference.rounds;
    rows.push(
      cell([
        `**reference app** \`${reference.path}\``,
        fmt(median.requestsPerSecond),
        fmt(median.p99, 0),
        fmt(median.serverCpuMsPerRequest),
        fmt(median.databaseCpuMsPerRequest),
        fmt(reference.htmlBytes, 0),
        "1",
        referenceRoundMedians(reference.rounds).join(" · "),
        "",
      ]),
    );
  }
  for (const page of report.pages) {
    if (!page.rounds) continue;
    const { median, runs } = page.rounds;
    rows.push(
      cell([
        `${page.label} \`${page.path.length > 80 ? `${page.path.slice(0, 77)}…` : page.path}\``,
        fmt(median.requestsPerSecond),
        fmt(median.p99, 0),
        fmt(median.serverCpuMsPerRequest),
        fmt(median.databaseCpuMsPerRequest),
        fmt(page.htmlBytes, 0),
        median.ratio === undefined ? "—" : median.ratio.toFixed(2),
        runs.map((run) => (run.ratio === undefined ? fmt(run.load.requestsPerSecond) : run.ratio.toFixed(2))).join(" · "),
        targetNote(page),
      ]),
    );
  }
  return rows.join("\n");
}

/** The markdown section: how the rounds ran, then the table. */
export function referenceSection(report: BenchReport): string[] {
  const { settings, reference } = report;
  const how =
    reference.status === "measured"
      ? `The reference app (\`${reference.sourceDir}\`: a stock Next.js 16 page reading a session and one 50-row keyset page of members with postgres.js) runs on the same PostgreSQL in a database of its own. ` +
        `${settings.rounds} round${settings.rounds === 1 ? "" : "s"} at ${settings.roundConnections} connections, ${settings.seconds} s a run after ${settings.warmupSeconds} s of unmeasured load on each page and on the reference, each page run between two reference runs; ` +
        "`× reference` is the median over the rounds of the page's req/s divided by the mean of its two neighbouring reference runs (`per round` lists those ratios; for the reference, the median req/s of each round's runs). " +
        "req/s, p99 and server CPU are medians over the rounds too; `server CPU ms / req` is the `next start` processes' user + system time over a run divided by its requests, which a busy machine changes much less than req/s."
      : `**No reference ratio**: ${reference.reason}. ${settings.rounds} rounds at ${settings.roundConnections} connections, ${settings.seconds} s a run, medians shown.`;
  return [
    `## Load against the reference (targets: settings pages and the org home ≥ ${referenceRatioTarget}× the reference; HTML ≤ ${htmlTargetBytes / 1000} kB)`,
    "",
    how,
    "",
    referenceTable(report),
    "",
  ];
}
