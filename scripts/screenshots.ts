import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { buildApp, hasBuild, startApp } from "@/bench/lib/app-server";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { freePort, startPostgres } from "./lib/postgres-server";
import { seedDemo } from "./seed-demo";

// `npm run screenshots [-- --no-build]`: the README's pictures, taken from the production build on
// the demo data (a throwaway PostgreSQL), so they show what the code renders today.

type Shot = { file: string; path: string; viewport: { width: number; height: number }; colorScheme: "light" | "dark"; prepare?: (page: Page) => Promise<void> };

const shots: Shot[] = [
  {
    file: "members-light.png",
    path: "/orgs/acme/settings/members",
    viewport: { width: 1280, height: 800 },
    colorScheme: "light",
    prepare: async (page) => {
      await page.getByRole("button", { name: /^Actions for Carol Diaz/ }).click();
      await page.getByRole("menu").waitFor();
    },
  },
  {
    file: "switcher-dark.png",
    path: "/orgs/acme/settings/general",
    viewport: { width: 1280, height: 800 },
    colorScheme: "dark",
    prepare: async (page) => {
      await page.getByRole("button", { name: /^Switch organization/ }).click();
      await page.getByRole("option", { name: /Globex/ }).waitFor();
    },
  },
  { file: "phone.png", path: "/orgs/acme/settings/members", viewport: { width: 390, height: 844 }, colorScheme: "light" },
];

const outDir = path.join(process.cwd(), "docs", "screenshots");
const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  const devSignIn = page.getByRole("region", { name: "Development sign-in" });
  await devSignIn.getByRole("textbox", { name: /^Email/ }).fill(email);
  await devSignIn.getByRole("button", { name: "Sign in with email" }).click();
  await page.waitForURL(/\/orgs\/[^/]+$/);
}

async function take(browser: Browser, baseURL: string, shot: Shot): Promise<void> {
  const context = await browser.newContext({ baseURL, viewport: shot.viewport, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await signIn(page, "alice@example.com");
    await page.goto(shot.path);
    await page.waitForLoadState("networkidle");
    await shot.prepare?.(page);
    await page.screenshot({ path: path.join(outDir, shot.file) });
    console.log(`  docs/screenshots/${shot.file}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!(process.argv.includes("--no-build") && hasBuild())) await buildApp();
  const pg = await startPostgres();
  const stops: (() => Promise<void>)[] = [pg.stop];
  try {
    const admin = await openDatabase(pg.url());
    await admin.db.execute(sql`create database screenshots`);
    await admin.close();
    const { db, close } = await openDatabase(pg.url("screenshots"));
    await migrateDatabase(db, "postgres");
    await seedDemo(db);
    await close();
    mkdirSync(outDir, { recursive: true });
    const app = await startApp({ databaseUrl: pg.url("screenshots"), port: await freePort(), logFile: path.join(outDir, "..", "..", ".next", "screenshots-server.log") });
    stops.push(app.stop);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
    stops.push(() => browser.close());
    for (const shot of shots) await take(browser, app.baseUrl, shot);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error("cleanup failed:", error));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
