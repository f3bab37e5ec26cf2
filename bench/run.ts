import { cpus } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { freePort, startPostgres } from "@/scripts/lib/postgres-server";
import { buildApp, hasBuild, startApp } from "./lib/app-server";
import { expectPage, fetchPage, signIn } from "./lib/http";
import { runLoad } from "./lib/load";
import { type Fleets, listedOrganizations, membersStatementTarget, type PageSpec, pageSpecs, rowsIn } from "./lib/page-specs";
import { type BenchReport, loadTable, type PageResult, sizeTable, writeReport } from "./lib/report";
import { type ScaleData, seedScale } from "./lib/seed-scale";
import { auditEventsAtScale } from "./lib/audit-pages";
import { clusterScale, clustersStatementTarget } from "./lib/clusters-pages";
import { projectsAtScale } from "./lib/projects-pages";
import { seedClusterFleet } from "./lib/seed-clusters";
import { benchGithubApp, type GitScale, gitPageSpec, seedGitScale, webhookSpec } from "./lib/git-bench";
import { logLinePrefix, type StatementCounter, statementCounter } from "./lib/sql-log";

// `npm run bench [-- --no-build] [-- --seconds=N]`: the console at scale (a user in 500
// organizations, an organization of 10,000 members) on a fresh PostgreSQL and a production build.

const args = process.argv.slice(2);
const settings = {
  seconds: Number(args.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 10),
  connections: [10, 50],
  sqlRequests: 20,
  statementTarget: 3,
  membersStatementTarget,
  clustersStatementTarget,
};
const scale = { members: 10_000, orgsPerUser: 500, auditEvents: auditEventsAtScale, invitations: 120, projects: projectsAtScale };
const resultsDir = path.join(process.cwd(), "bench", "results");
const hardLimitMs = 15 * 60_000;

const cleanups: (() => Promise<void>)[] = [];

async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      console.error("cleanup failed:", error);
    }
  }
}

function step(message: string): void {
  console.log(`\n▶ ${message}`);
}

async function measurePage(spec: PageSpec, baseUrl: string, counter: StatementCounter): Promise<PageResult> {
  const url = `${baseUrl}${spec.path}`;
  const first = await expectPage(url, spec.cookie, spec.expect, spec.request);
  // Warm up (first renders compile and fill caches) before counting anything.
  for (let i = 0; i < 3; i++) await fetchPage(url, spec.cookie, spec.request);
  const sqlCount = await counter.count(settings.sqlRequests, async () => {
    for (let i = 0; i < settings.sqlRequests; i++) {
      const page = await fetchPage(url, spec.cookie, spec.request);
      if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status} while counting SQL`);
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

function warningsFor(report: Omit<BenchReport, "warnings">): string[] {
  const warnings: string[] = [];
  for (const page of [...report.pages, ...report.others]) {
    if (page.sql.perRequest > page.statementTarget) {
      warnings.push(`${page.label} (${page.path}) issues ${page.sql.perRequest} SQL statements per request (target ≤ ${page.statementTarget}).`);
    }
    if (page.problem) warnings.push(`${page.label} (${page.path}) ${page.problem}.`);
    for (const load of page.loads) {
      if (load.errors + load.timeouts + load.non2xx > 0) {
        warnings.push(`${page.label} at ${load.connections} connections: ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx.`);
      }
    }
  }
  for (const { label, scale: big, small } of report.comparisons) {
    // A paged list may grow up to its page size; it must not return everything.
    const paged = big.listed !== undefined && big.listed.shown < big.listed.total;
    if (big.listed && !paged) warnings.push(`${label}: lists all ${big.listed.total} of its rows.`);
    if (!big.listed && big.htmlBytes > small.htmlBytes * 1.5) {
      warnings.push(`${label}: ${big.htmlBytes} bytes at scale vs ${small.htmlBytes} small: the HTML grows with the data.`);
    }
  }
  return warnings;
}

async function main(): Promise<void> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();

  if (args.includes("--no-build") && hasBuild()) step("next build skipped (--no-build)");
  else {
    step("next build");
    await buildApp();
  }

  step("PostgreSQL: start, create, migrate, seed");
  const pg = await startPostgres({ extraConfig: { log_statement: "all", log_line_prefix: logLinePrefix } });
  cleanups.push(pg.stop);
  const admin = await openDatabase(pg.url());
  await admin.db.execute(sql`create database bench`);
  await admin.close();
  const databaseUrl = pg.url("bench");
  const { db, close } = await openDatabase(databaseUrl);
  let seed: ScaleData;
  let fleets: Fleets;
  let git: GitScale;
  let postgresVersion: string;
  try {
    await migrateDatabase(db, "postgres");
    seed = await seedScale(db, scale);
    // The big organization is on Enterprise (no cluster limit); the small one on Professional (3).
    fleets = {
      fleet: await seedClusterFleet(db, seed.bigOrg.slug, clusterScale.fleet),
      small: await seedClusterFleet(db, seed.smallOrg.slug, clusterScale.small),
    };
    // The installation's applications go on the big organization's default cluster.
    git = await seedGitScale(db, seed.bigOrg.slug, seed.projects.apiKey);
    // As autovacuum would after a bulk load: statistics for the planner, and the visibility map
    // that lets counts (the Danger Zone's) be index-only scans instead of a million heap visits.
    await db.execute(sql`vacuum analyze`);
    const [row] = await db.select({ version: sql<string>`current_setting('server_version')` }).from(users).limit(1);
    postgresVersion = row?.version ?? "?";
  } finally {
    await close();
  }
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

  for (const page of pages) {
    const spec = scalePages.find((s) => s.key === page.key);
    if (!spec) continue;
    for (const connections of spec.connections ?? settings.connections) {
      step(`autocannon ${spec.request?.method ?? "GET"} ${page.path}, ${connections} connections, ${settings.seconds} s`);
      const cpuBefore = app.cpuSeconds();
      const load = await runLoad(`${app.baseUrl}${page.path}`, spec.cookie, connections, settings.seconds, spec.request);
      // No request finished within the run (a saturated machine): no per-request figure.
      load.serverCpuMsPerRequest = load.requests > 0 ? ((app.cpuSeconds() - cpuBefore) * 1000) / load.requests : undefined;
      console.log(
        `  ${load.requestsPerSecond} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.errors} errors, ${load.non2xx} non-2xx, ` +
          `server CPU ${load.serverCpuMsPerRequest?.toFixed(1) ?? "?"} ms/request`,
      );
      page.loads.push(load);
    }
  }

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
  };
  const report: BenchReport = { ...partial, warnings: warningsFor(partial) };

  await cleanUp();
  report.totalSeconds = (Date.now() - started) / 1000;
  const files = writeReport(resultsDir, report);
  console.log(`\n${loadTable(report)}\n\n${sizeTable(report)}\n`);
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
