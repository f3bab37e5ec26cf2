import { cpus } from "node:os";
import path from "node:path";
import { freePort, startPostgres } from "@/scripts/lib/postgres-server";
import { buildApp, hasBuild, processTreeCpuSeconds, startApp } from "./lib/app-server";
import { expectPage, fetchPage, signIn } from "./lib/http";
import { readRouteBundles } from "./lib/bundle-stats";
import { setUpReference, startWarmReference, type WarmReference } from "./lib/reference-app";
import { type ReferenceResult, referenceTable } from "./lib/report-reference";
import { describeLoad, type LoadTarget, loadWithCpu, runAlternated } from "./lib/rounds";
import { warningsFor } from "./lib/warnings";
import { listedOrganizations, membersStatementTarget, type PageSpec, pageSpecs, rowsIn } from "./lib/page-specs";
import { type BenchReport, loadTable, type PageResult, sizeTable, writeReport } from "./lib/report";
import { clustersStatementTarget } from "./lib/clusters-pages";
import { benchGithubApp, gitPageSpec, webhookSpec } from "./lib/git-bench";
import { seedBenchDatabase } from "./lib/bench-database";
import { logLinePrefix, type StatementCounter, statementCounter } from "./lib/sql-log";
import { type Cleanups, runCleanups, step } from "./lib/steps";

// `npm run bench [-- --no-build] [-- --seconds=N] [-- --rounds=N]`: the console at scale (a user in
// 500 organizations, an organization of 10,000 members) on a fresh PostgreSQL and a production
// build, each page loaded in turn with the reference app (CEILING_DIR, or ../shared/ceiling).

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const settings = {
  seconds: option("seconds", 5),
  rounds: option("rounds", 3),
  roundConnections: 10,
  // Unmeasured load on each page and on the reference before the rounds (see runAlternated).
  warmupSeconds: option("warmup", 2),
  sqlRequests: 20,
  statementTarget: 3,
  membersStatementTarget,
  clustersStatementTarget,
};
const resultsDir = path.join(process.cwd(), "bench", "results");
const hardLimitMs = 25 * 60_000;

const cleanups: Cleanups = [];
const cleanUp = () => runCleanups(cleanups);

async function measurePage(spec: PageSpec, baseUrl: string, counter: StatementCounter): Promise<PageResult> {
  const url = `${baseUrl}${spec.path}`;
  const first = await expectPage(url, spec.cookie, spec.expect, spec.request);
  // Warm up (first renders compile and fill caches) before counting anything.
  for (let i = 0; i < 3; i++) await fetchPage(url, spec.cookie, spec.request);
  const sqlCount = await counter.count(settings.sqlRequests, async () => {
    for (let i = 0; i < settings.sqlRequests; i++) {
      const page = await fetchPage(url, spec.cookie, spec.request);
      if (page.status < 200 || page.status >= 300) throw new Error(`GET ${url} answered ${page.status} while counting SQL`);
    }
  });
  console.log(`  ${spec.path} as ${spec.viewer}: ${first.bytes} bytes of HTML, ${sqlCount.perRequest} SQL statements per request`);
  const listed = spec.listed ? spec.listed(first.html) : listedOrganizations(first.html);
  const problems = [
    spec.alsoExpect?.text !== undefined && !first.html.includes(spec.alsoExpect.text) ? `does not show "${spec.alsoExpect.text}"` : null,
    spec.alsoExpect?.memberRows !== undefined && rowsIn(first.html).members !== spec.alsoExpect.memberRows
      ? `lists ${rowsIn(first.html).members} members instead of ${spec.alsoExpect.memberRows}`
      : null,
  ].filter((problem): problem is string => problem !== null);
  const problem = problems.length > 0 ? problems.join("; ") : undefined;
  if (problem) console.log(`  ⚠ ${problem}`);
  return {
    key: spec.key,
    label: spec.label,
    path: spec.path,
    viewer: spec.viewer,
    htmlBytes: first.bytes,
    listed,
    sql: sqlCount,
    statementTarget: spec.statementTarget ?? settings.statementTarget,
    problem,
    loads: [],
  };
}

function readBundles(): BenchReport["bundles"] {
  try {
    return { routes: readRouteBundles() };
  } catch (error) {
    return { routes: [], error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();

  if (args.includes("--no-build") && hasBuild()) step("next build skipped (--no-build)");
  else {
    step("next build");
    await buildApp();
  }
  const bundles = readBundles();

  step("reference app: copy, npm install, next build");
  const referenceSetup = await setUpReference();
  const { prepared } = referenceSetup;
  if (prepared) cleanups.push(async () => prepared.remove());
  else console.log(`  skipped: ${referenceSetup.skipped}`);

  step("PostgreSQL: start, create, migrate, seed");
  const pg = await startPostgres({ extraConfig: { log_statement: "all", log_line_prefix: logLinePrefix } });
  cleanups.push(pg.stop);
  const { databaseUrl, seed, fleets, git, postgresVersion } = await seedBenchDatabase(pg);
  console.log(`  seeded in ${seed.seconds.toFixed(1)} s: ${JSON.stringify(seed.counts)}; clusters ${JSON.stringify(fleets.fleet.byStatus)}`);

  step("next start");
  const githubApp = benchGithubApp();
  const app = await startApp({ databaseUrl, port: await freePort(), logFile: path.join(resultsDir, "server.log"), env: githubApp });
  cleanups.push(app.stop);
  console.log(`  answering at ${app.baseUrl}`);

  step("sign in (dev-login) and check the pages");
  const benchCookie = await signIn(app.baseUrl, seed.benchUser);
  const smallCookie = await signIn(app.baseUrl, seed.smallUser);
  const { scalePages, onceOnlyPages } = pageSpecs(seed, fleets, benchCookie, smallCookie);
  scalePages.push(gitPageSpec(git, { name: "user in 500 orgs", cookie: benchCookie }), webhookSpec(git, githubApp.GITHUB_APP_WEBHOOK_SECRET));
  const counter = statementCounter(pg.logFile, databaseUrl);
  cleanups.push(counter.close);
  const pages: PageResult[] = [];
  const others: PageResult[] = [];
  for (const spec of scalePages) pages.push(await measurePage(spec, app.baseUrl, counter));
  for (const spec of onceOnlyPages) others.push(await measurePage(spec, app.baseUrl, counter));

  let reference: WarmReference | null = null;
  if (prepared) {
    step("reference app: database, schema.sql, next start");
    reference = await startWarmReference(prepared, { serverUrl: pg.url, port: await freePort(), logFile: path.join(resultsDir, "reference-server.log") });
    if (reference) cleanups.push(reference.stop);
  }
  // One PostgreSQL serves both apps, each loaded alone: its CPU during a run is that page's.
  const databaseCpuSeconds = () => processTreeCpuSeconds(pg.postmasterPid);
  const appTarget = (spec: PageSpec): LoadTarget => ({
    key: spec.key,
    url: `${app.baseUrl}${spec.path}`,
    cookie: spec.cookie,
    request: spec.request,
    cpuSeconds: app.cpuSeconds,
    databaseCpuSeconds,
  });
  const inRounds = scalePages.filter((spec) => (spec.connections ?? [settings.roundConnections]).includes(settings.roundConnections));
  step(`${settings.rounds} rounds at ${settings.roundConnections} connections, ${settings.seconds} s a run: ${reference ? "reference, page, reference…" : "pages only (no reference)"}`);
  const rounds = await runAlternated(inRounds.map(appTarget), reference && { key: "reference", url: `${reference.baseUrl}${reference.path}`, cookie: reference.cookie, cpuSeconds: reference.cpuSeconds, databaseCpuSeconds }, {
    ...settings,
    connections: settings.roundConnections,
    onRun: (label, load) => console.log(`  ${label}: ${describeLoad(load)}`),
  });
  for (const page of pages) page.rounds = rounds.pages.get(page.key);
  for (const spec of scalePages) {
    for (const connections of (spec.connections ?? []).filter((c) => c !== settings.roundConnections)) {
      step(`autocannon ${spec.request?.method ?? "GET"} ${spec.path}, ${connections} connections, ${settings.seconds} s`);
      const load = await loadWithCpu(appTarget(spec), connections, settings.seconds);
      console.log(`  ${describeLoad(load)}`);
      pages.find((page) => page.key === spec.key)?.loads.push(load);
    }
  }
  const referenceResult: ReferenceResult =
    reference && rounds.reference
      ? { status: "measured", sourceDir: referenceSetup.sourceDir, path: reference.path, htmlBytes: reference.htmlBytes, rounds: rounds.reference }
      : { status: "skipped", reason: referenceSetup.skipped ?? "the reference app did not start" };

  const byKey = (key: string) => [...pages, ...others].find((p) => p.key === key) as PageResult;
  const partial = {
    startedAt,
    totalSeconds: 0,
    machine: { cpus: cpus().length, node: process.version, postgres: postgresVersion },
    settings,
    seed,
    fleets,
    pages,
    others,
    comparisons: [
      { label: "org home", scale: byKey("big-home"), small: byKey("small-home") },
      { label: "org home (navbar only differs)", scale: byKey("other-home"), small: byKey("small-home") },
      { label: "General Information", scale: byKey("big-general"), small: byKey("small-general") },
      { label: "org switcher list (JSON)", scale: byKey("switcher"), small: byKey("small-switcher") },
      { label: "Members", scale: byKey("big-members"), small: byKey("small-members") },
      { label: "Members, a later page", scale: byKey("big-members-later"), small: byKey("small-members") },
      { label: "Clusters", scale: byKey("fleet-clusters"), small: byKey("small-clusters") },
      { label: "Audit log", scale: byKey("audit-log"), small: byKey("small-audit-log") },
      { label: "Danger Zone", scale: byKey("danger-zone"), small: byKey("small-danger-zone") },
    ],
    reference: referenceResult,
    bundles,
  };
  const report: BenchReport = { ...partial, warnings: warningsFor(partial) };

  await cleanUp();
  report.totalSeconds = (Date.now() - started) / 1000;
  const files = writeReport(resultsDir, report);
  console.log(`\n${referenceTable(report)}\n\n${loadTable(report)}\n\n${sizeTable(report)}\n`);
  for (const warning of report.warnings) console.log(`⚠ ${warning}`);
  console.log(`\nwritten: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}; total ${report.totalSeconds.toFixed(0)} s`);
}

let interrupted = false;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the server and PostgreSQL`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const watchdog = setTimeout(() => {
  console.error(`bench exceeded ${hardLimitMs / 60_000} minutes: stopping`);
  void cleanUp().finally(() => process.exit(1));
}, hardLimitMs);
watchdog.unref();

main()
  .catch(async (error: unknown) => {
    // After a signal, the failure is only the cleanup pulling the database away mid-request.
    if (!interrupted) console.error("\nbench failed:", error);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
