import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startPostgres } from "@/scripts/lib/postgres-server";
import { startApp } from "./lib/app-server";
import { fetchPage, signIn } from "./lib/http";
import { seedBenchDatabase } from "./lib/bench-database";
import { benchGithubApp } from "./lib/git-bench";

// `npx tsx bench/html-sizes.ts`: the HTML bytes of the heavy table pages (Clusters, Git
// Permission, filtered audit logs) on the bench's seed, without load runs. Seeds once, then
// measures the current `.next` build, and again each time `.next/BUILD_ID` changes (run
// `npx next build` beside it), until stopped. Each page's HTML is saved under /tmp/html-sizes/.

const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
const outDir = "/tmp/html-sizes";

async function main(): Promise<void> {
  const pg = await startPostgres({});
  // Stopped with SIGTERM/SIGINT: take the throwaway PostgreSQL down too.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void pg.stop().finally(() => process.exit(0)));
  const { databaseUrl, seed, git } = await seedBenchDatabase(pg);
  const big = seed.bigOrg.slug;
  const pages = {
    clusters: `/orgs/${big}/settings/clusters`,
    git: `/orgs/${git.slug}/settings/git`,
    "audit-action": `/orgs/${big}/settings/audit-log?action=${encodeURIComponent(seed.audit.rareAction)}`,
    "audit-actor": `/orgs/${big}/settings/audit-log?actor=${encodeURIComponent(seed.audit.rareActorEmail)}`,
    audit: `/orgs/${big}/settings/audit-log`,
  };
  const { mkdirSync } = await import("node:fs");
  mkdirSync(outDir, { recursive: true });
  let measured = "";
  for (;;) {
    const current = String(statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? "");
    if (current && current !== measured) {
      measured = current;
      const app = await startApp({ databaseUrl, port: await freePort(), logFile: path.join(outDir, "server.log"), env: benchGithubApp() });
      try {
        const cookie = await signIn(app.baseUrl, seed.benchUser);
        for (const [key, url] of Object.entries(pages)) {
          await fetchPage(`${app.baseUrl}${url}`, cookie);
          const page = await fetchPage(`${app.baseUrl}${url}`, cookie);
          writeFileSync(path.join(outDir, `${key}.html`), page.html);
          console.log(`${new Date().toISOString()} ${key}: ${page.status} ${page.bytes.toLocaleString("en")} bytes (${url})`);
        }
      } finally {
        await app.stop();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
