import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findPostgresBin } from "@/scripts/lib/postgres-server";
import { type AppServer, startNextServer } from "./app-server";
import { expectPage, fetchPage } from "./http";

// The reference ("ceiling") app: a stock Next.js 16 page that reads a session and one 50-row
// keyset page of members with two postgres.js queries and renders a plain table. Loaded in turn
// with the console's pages on the same PostgreSQL, it turns a req/s that depends on how busy the
// machine is into a ratio that does not. Its folder is shared and read-only: it is copied, installed
// and built in a temporary folder of its own for every run.

export const referencePath = "/members";
const referenceDatabase = "ceiling";

/** `CEILING_DIR`, else `../shared/ceiling` from the repository root; null when it is not there. */
export function findReferenceDir(): { dir: string; found: boolean } {
  const dir = path.resolve(process.env.CEILING_DIR ?? path.join(process.cwd(), "..", "shared", "ceiling"));
  return { dir, found: existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "schema.sql")) };
}

export type PreparedReference = { sourceDir: string; workDir: string; remove: () => void };

/** Copy (without node_modules or .next), `npm install`, `next build`. Needs no database. */
export async function prepareReference(sourceDir: string): Promise<PreparedReference> {
  const workDir = mkdtempSync(path.join(tmpdir(), "org-console-ceiling-"));
  const remove = () => rmSync(workDir, { recursive: true, force: true });
  try {
    cpSync(sourceDir, workDir, { recursive: true, filter: (source) => !/[/\\](node_modules|\.next)$/.test(source) });
    makeWritable(workDir); // The shared copy is read-only, and so are its copied modes.
    const npm = ["install", "--no-audit", "--no-fund"];
    const env = { NEXT_TELEMETRY_DISABLED: "1" };
    if ((await run("npm", npm, env, workDir)) !== 0 && (await run("npm", [...npm, "--prefer-offline"], env, workDir)) !== 0) {
      throw new Error("npm install failed for the reference app");
    }
    // postgres.js connects lazily: any URL will do while building.
    const built = await run(path.join(workDir, "node_modules", ".bin", "next"), ["build"], { ...env, DATABASE_URL: "postgres://build@127.0.0.1:1/none" }, workDir);
    if (built !== 0) throw new Error(`next build of the reference app failed (exit code ${built})`);
  } catch (error) {
    remove();
    throw error;
  }
  return { sourceDir, workDir, remove };
}

function makeWritable(target: string): void {
  const stat = statSync(target);
  chmodSync(target, stat.mode | 0o200);
  if (stat.isDirectory()) for (const entry of readdirSync(target)) makeWritable(path.join(target, entry));
}

export type ReferenceApp = AppServer & { path: string; cookie: string; databaseUrl: string };

/**
 * Creates the reference's own database on the bench's PostgreSQL (`serverUrl` is any database URL
 * there), loads its schema.sql with psql and a fresh session token, and starts it.
 */
export async function startReference(prepared: PreparedReference, options: { serverUrl: (database?: string) => string; port: number; logFile: string }): Promise<ReferenceApp> {
  const admin = postgres(options.serverUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${referenceDatabase}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = options.serverUrl(referenceDatabase);
  const token = randomBytes(24).toString("hex");
  const schema = path.join(prepared.workDir, "schema.sql");
  const loaded = await run(psqlBin(), [databaseUrl, "-q", "-v", "ON_ERROR_STOP=1", "-v", `token=${token}`, "-f", schema], { PGOPTIONS: "-c client_min_messages=warning" });
  if (loaded !== 0) throw new Error(`psql could not load the reference's schema.sql (exit code ${loaded})`);
  const server = await startNextServer({ dir: prepared.workDir, port: options.port, logFile: options.logFile, readyPath: "/", env: { DATABASE_URL: databaseUrl } });
  return { ...server, path: referencePath, cookie: `session=${token}`, databaseUrl };
}

function psqlBin(): string {
  const bin = findPostgresBin();
  return bin && existsSync(path.join(bin, "psql")) ? path.join(bin, "psql") : "psql";
}

/** Runs a command in `cwd` with its output shown; resolves with its exit code (127 if it cannot start). */
function run(command: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export type ReferenceSetup = { sourceDir: string; prepared?: PreparedReference; skipped?: string };

/** Finds and prepares the reference app; a missing folder or a failed install is a reason to skip, not to fail the bench. */
export async function setUpReference(): Promise<ReferenceSetup> {
  const { dir, found } = findReferenceDir();
  if (!found) return { sourceDir: dir, skipped: `the reference app is not at ${dir} (set CEILING_DIR to its folder)` };
  try {
    return { sourceDir: dir, prepared: await prepareReference(dir) };
  } catch (error) {
    return { sourceDir: dir, skipped: `the reference app could not be prepared: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export type WarmReference = ReferenceApp & { htmlBytes: number };

/** startReference, then its page checked and warmed up like the console's; null (and said why) when it fails. */
export async function startWarmReference(prepared: PreparedReference, options: Parameters<typeof startReference>[1]): Promise<WarmReference | null> {
  let reference: ReferenceApp | null = null;
  try {
    reference = await startReference(prepared, options);
    const url = `${reference.baseUrl}${reference.path}`;
    const first = await expectPage(url, reference.cookie, "Member 1<");
    for (let i = 0; i < 3; i++) await fetchPage(url, reference.cookie);
    console.log(`  answering at ${reference.baseUrl}; ${reference.path}: ${first.bytes} bytes of HTML`);
    return { ...reference, htmlBytes: first.bytes };
  } catch (error) {
    console.error("  the reference app failed, so the report has no ratio:", error);
    await reference?.stop();
    return null;
  }
}
