import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { freePort, startPostgres } from "@/scripts/lib/postgres-server";
import { processTreeCpuSeconds, startApp } from "./lib/app-server";
import { seedBenchDatabase } from "./lib/bench-database";
import { prepareProbeApp, probes } from "./lib/floor-probes";
import { expectPage, signIn } from "./lib/http";
import { setUpReference, startWarmReference } from "./lib/reference-app";
import { describeLoad, type LoadTarget, type Medians, runAlternated } from "./lib/rounds";
import { type Cleanups, runCleanups, step } from "./lib/steps";

// `npm run bench:floor [-- --seconds=N] [-- --rounds=N]`: where a settings page's time goes. The
// reference's own page (../shared/ceiling, or CEILING_DIR) is built into a copy of the console and
// rendered at each layer a console page passes through (proxy, membership, navbar, settings
// navigation), then loaded alternately with the real reference, as `npm run bench` does. Each
// step's drop in ratio is that layer's cost with the page's own work held equal; the last rows
// are real pages of the same build. Takes about 8 minutes; writes bench/results/floor-latest.md.

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const settings = { seconds: option("seconds", 4), rounds: option("rounds", 3), connections: 10, warmupSeconds: option("warmup", 2) };
const resultsFile = path.join(process.cwd(), "bench", "results", "floor-latest.md");
const logDir = path.join(process.cwd(), "bench", "results");

const cleanups: Cleanups = [];
const cleanUp = () => runCleanups(cleanups);

type Row = { label: string; median: Medians };

async function main(): Promise<void> {
  step("reference app: copy, npm install, next build");
  const setup = await setUpReference();
  if (!setup.prepared) throw new Error(`the floor is measured against the reference app, and ${setup.skipped}`);
  const prepared = setup.prepared;
  cleanups.push(() => prepared.remove());

  step("probe app: this working tree with the reference's page at each layer, next build");
  const probeApp = await prepareProbeApp(setup.sourceDir);
  cleanups.push(probeApp.remove);

  step("PostgreSQL, seeded as `npm run bench` seeds it");
  const pg = await startPostgres();
  cleanups.push(pg.stop);
  const { databaseUrl, seed } = await seedBenchDatabase(pg);

  const reference = await startWarmReference(prepared, { serverUrl: pg.url, port: await freePort(), logFile: path.join(logDir, "floor-reference.log") });
  if (!reference) throw new Error("the reference app did not start (see bench/results/floor-reference.log)");
  cleanups.push(reference.stop);
  const app = await startApp({
    dir: probeApp.dir,
    databaseUrl,
    port: await freePort(),
    logFile: path.join(logDir, "floor-server.log"),
    env: { CEILING_DATABASE_URL: reference.databaseUrl },
  });
  cleanups.push(app.stop);
  // The probes read the reference's session cookie, as its page does, and the console's for the
  // layers that check it; the real pages ignore the reference's.
  const cookie = `${await signIn(app.baseUrl, seed.benchUser)}; ${reference.cookie}`;
  const slug = seed.bigOrg.slug;
  const databaseCpuSeconds = () => processTreeCpuSeconds(pg.postmasterPid);
  const target = (key: string, pagePath: string): LoadTarget => ({ key, url: `${app.baseUrl}${pagePath}`, cookie, cpuSeconds: app.cpuSeconds, databaseCpuSeconds });
  const realPages = [
    { key: "general", label: "(General Information, 10,000 members)", path: `/orgs/${slug}/settings/general`, expect: "General Information" },
    { key: "members", label: "(Members, 10,000)", path: `/orgs/${slug}/settings/members`, expect: "Invite member" },
  ];
  for (const probe of probes) await expectPage(`${app.baseUrl}${probe.path(slug)}`, cookie, "Member 1<");
  for (const page of realPages) await expectPage(`${app.baseUrl}${page.path}`, cookie, page.expect);

  step(`${settings.rounds} rounds at ${settings.connections} connections, ${settings.seconds} s a run: reference, probe, reference…`);
  const targets = [...probes.map((probe) => target(probe.key, probe.path(slug))), ...realPages.map((page) => target(page.key, page.path))];
  const rounds = await runAlternated(targets, { key: "reference", url: `${reference.baseUrl}${reference.path}`, cookie: reference.cookie, cpuSeconds: reference.cpuSeconds, databaseCpuSeconds }, {
    ...settings,
    onRun: (label, load) => console.log(`  ${label}: ${describeLoad(load)}`),
  });
  const labels = new Map([...probes.map((probe) => [probe.key, probe.label] as const), ...realPages.map((page) => [page.key, page.label] as const)]);
  const rows: Row[] = [...rounds.pages].map(([key, result]) => ({ label: labels.get(key) ?? key, median: result.median }));
  if (rounds.reference) rows.unshift({ label: "the reference app itself", median: rounds.reference.median });
  const report = floorReport(rows);
  writeFileSync(resultsFile, report);
  console.log(`\n${report}\nwritten to ${path.relative(process.cwd(), resultsFile)}`);
}

function floorReport(rows: Row[]): string {
  const fixed = (value: number | undefined, digits: number) => (value === undefined ? "?" : value.toFixed(digits));
  const lines = rows.map(({ label, median }) =>
    `| ${label} | ${median.ratio === undefined ? "1" : fixed(median.ratio, 2)} | ${fixed(median.requestsPerSecond, 1)} | ${fixed(median.serverCpuMsPerRequest, 1)} | ${fixed(median.databaseCpuMsPerRequest, 1)} |`,
  );
  return [
    `# Where a page's time goes (\`npm run bench:floor\`, ${new Date().toISOString()})`,
    "",
    `${cpus().length} CPUs, Node ${process.version}; ${settings.rounds} rounds × ${settings.seconds} s at ${settings.connections} connections, alternated with the reference, medians.`,
    "Each probe renders the reference's own page; each row adds one layer of the console to the row above.",
    "",
    "| the reference's page, rendered… | × reference | req/s | server CPU ms/req | PostgreSQL CPU ms/req |",
    "|---|---:|---:|---:|---:|",
    ...lines,
    "",
  ].join("\n");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
