import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startPostgres } from "@/scripts/lib/postgres-server";
import { startApp } from "./lib/app-server";
import { signIn } from "./lib/http";
import { pageSpecs } from "./lib/page-specs";
import { setUpReference, startWarmReference } from "./lib/reference-app";
import { seedBenchDatabase } from "./lib/bench-database";
import { benchGithubApp, gitPageSpec } from "./lib/git-bench";
import { type Cleanups, runCleanups } from "./lib/steps";

// `npx tsx bench/serve.ts [OUT_DIR]`: the bench's seeded data and production build (run `next build`
// first), served until Ctrl+C, for profiling one page by hand (`node --cpu-prof`, autocannon).
// Writes OUT_DIR/info.json (default /tmp/bench-serve): the console's and the reference's URLs and
// cookies, the pages' paths, the database URL and the AUTH_SECRET, so a second `next start` (another
// build, say) can serve the same data to the same cookies.

const outDir = process.argv[2] ?? "/tmp/bench-serve";
const stops: Cleanups = [];

async function main(): Promise<void> {
  const pg = await startPostgres();
  stops.push(pg.stop);
  const { databaseUrl, seed, fleets, git } = await seedBenchDatabase(pg);

  const authSecret = randomBytes(32).toString("base64");
  const githubApp = benchGithubApp();
  const app = await startApp({ databaseUrl, port: await freePort(), logFile: path.join(outDir, "server.log"), env: { ...githubApp, AUTH_SECRET: authSecret } });
  stops.push(app.stop);
  const benchCookie = await signIn(app.baseUrl, seed.benchUser);
  const smallCookie = await signIn(app.baseUrl, seed.smallUser);
  const { scalePages } = pageSpecs(seed, fleets, benchCookie, smallCookie);
  scalePages.push(gitPageSpec(git, { name: "user in 500 orgs", cookie: benchCookie }));

  const { prepared, skipped } = await setUpReference();
  const reference = prepared ? await startWarmReference(prepared, { serverUrl: pg.url, port: await freePort(), logFile: path.join(outDir, "reference.log") }) : null;
  if (prepared) stops.push(async () => prepared.remove());
  if (reference) stops.push(reference.stop);

  const info = {
    app: app.baseUrl,
    databaseUrl,
    authSecret,
    githubApp,
    benchUser: seed.benchUser,
    benchCookie,
    smallCookie,
    pages: scalePages.map((spec) => ({ key: spec.key, path: spec.path, cookie: spec.cookie === benchCookie ? "bench" : "small" })),
    gitInstallation: git,
    reference: reference ? { url: `${reference.baseUrl}${reference.path}`, cookie: reference.cookie } : { skipped },
  };
  writeFileSync(path.join(outDir, "info.json"), `${JSON.stringify(info, null, 2)}\n`);
  console.log(`serving: ${app.baseUrl} (reference ${reference ? info.reference.url : "skipped"}); ${path.join(outDir, "info.json")}; Ctrl+C stops`);
}

const stopAll = () => runCleanups(stops);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll().finally(() => process.exit(0)));

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
