import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Fails when db/schema/ has changes that no committed migration carries: drizzle-kit generate runs
// against a throwaway copy of db/migrations, and any file it writes there is a missing migration.

const migrationsDir = path.join(process.cwd(), "db", "migrations");
const timeoutMs = 120_000;

function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full), createHash("sha256").update(readFileSync(full)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

function runGenerate(outDir: string): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  // drizzle-kit resolves --out against the working directory even when it is absolute.
  const out = path.relative(process.cwd(), outDir);
  const bin = path.join(process.cwd(), "node_modules", ".bin", "drizzle-kit");
  const args = ["generate", "--dialect", "postgresql", "--schema", "./db/schema/index.ts", "--casing", "snake_case", "--out", out];
  return new Promise((resolve) => {
    // No stdin: a rename question from drizzle-kit means the schema changed, and must not hang CI.
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

async function checkMigrations(): Promise<{ ok: boolean; report: string }> {
  const workDir = mkdtempSync(path.join(tmpdir(), "org-console-migrations-"));
  try {
    cpSync(migrationsDir, workDir, { recursive: true });
    const before = fingerprint(workDir);
    const { code, output, timedOut } = await runGenerate(workDir);
    const after = fingerprint(workDir);
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file)).sort();
    const newSql = changed.filter((file) => file.endsWith(".sql")).map((file) => `--- ${file}\n${readFileSync(path.join(workDir, file), "utf8")}`);
    const fix = "db/schema/ and db/migrations/ disagree: run `npm run db:generate` and commit the new migration.";
    if (timedOut) return { ok: false, report: `${output}\ndrizzle-kit generate waited for an answer (a rename?) or hung.\n${fix}` };
    if (changed.length > 0) return { ok: false, report: `${newSql.join("\n")}\nNew or changed files: ${changed.join(", ")}.\n${fix}` };
    // drizzle-kit exits 0 even when it crashes, so only its own "nothing to do" line counts as a pass.
    if (code !== 0 || !output.includes("No schema changes")) {
      const asked = output.includes("Interactive prompts require") ? " It asked a question (a rename?), so the schema changed." : "";
      return { ok: false, report: `${output}\ndrizzle-kit generate did not confirm that the migrations match the schema.${asked}\n${fix}` };
    }
    return { ok: true, report: "migrations match db/schema/" };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

checkMigrations().then(
  ({ ok, report }) => {
    (ok ? console.log : console.error)(report);
    process.exit(ok ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
