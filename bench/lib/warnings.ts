import { bundleWarnings } from "./bundle-stats";
import type { LoadResult } from "./load";
import type { BenchReport } from "./report";
import { hasRatioTarget, htmlTargetBytes, referenceRatioTarget } from "./report-reference";

// Every target the report checks, as one line per miss.

function loadProblems(label: string, loads: LoadResult[]): string[] {
  return loads
    .filter((load) => load.errors + load.timeouts + load.non2xx > 0)
    .map((load) => `${label} at ${load.connections} connections: ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx.`);
}

export function warningsFor(report: Omit<BenchReport, "warnings">): string[] {
  const warnings: string[] = [];
  for (const page of [...report.pages, ...report.others]) {
    if (page.sql.perRequest > page.statementTarget) {
      warnings.push(`${page.label} (${page.path}) issues ${page.sql.perRequest} SQL statements per request (target ≤ ${page.statementTarget}).`);
    }
    if (page.problem) warnings.push(`${page.label} (${page.path}) ${page.problem}.`);
    if (page.htmlBytes > htmlTargetBytes) warnings.push(`${page.label} (${page.path}) weighs ${page.htmlBytes.toLocaleString("en-US")} bytes of HTML (target ≤ ${htmlTargetBytes.toLocaleString("en-US")}).`);
    const ratio = page.rounds?.median.ratio;
    if (hasRatioTarget(page) && ratio !== undefined && ratio < referenceRatioTarget) {
      warnings.push(`${page.label} (${page.path}) serves ${ratio.toFixed(2)}× the reference app's req/s (target ≥ ${referenceRatioTarget}).`);
    }
    warnings.push(...loadProblems(page.label, [...(page.rounds?.runs.map((run) => run.load) ?? []), ...page.loads]));
  }
  if (report.reference.status === "measured") warnings.push(...loadProblems("The reference app", report.reference.rounds.runs.map((run) => run.load)));
  else warnings.push(`No ratio to the reference app: ${report.reference.reason}.`);
  for (const { label, scale: big, small } of report.comparisons) {
    // A paged list may grow up to its page size; it must not return everything.
    const paged = big.listed !== undefined && big.listed.shown < big.listed.total;
    if (big.listed && !paged) warnings.push(`${label}: lists all ${big.listed.total} of its rows.`);
    if (!big.listed && big.htmlBytes > small.htmlBytes * 1.5) {
      warnings.push(`${label}: ${big.htmlBytes} bytes at scale vs ${small.htmlBytes} small: the HTML grows with the data.`);
    }
  }
  if (report.bundles.error) warnings.push(`First Load JS not measured: ${report.bundles.error}`);
  warnings.push(...bundleWarnings(report.bundles.routes));
  return warnings;
}
