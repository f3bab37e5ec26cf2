import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type PostgresServer = {
  url: (database?: string) => string;
  port: number;
  logFile: string;
  /** The postmaster's process id: its children are the backends (the bench reads their CPU time). */
  postmasterPid: number;
  stop: () => Promise<void>;
};

/** Where this machine's PostgreSQL server binaries are, or null (with the one line to fix it). */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

export const missingPostgresHint = "PostgreSQL server binaries are missing: run `apt-get install -y postgresql`.";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * The first of `size` consecutive free ports, for a run that derives its other ports from one
 * (playwright.config.ts uses port + 1 … port + 21). Drawn below Linux's ephemeral range (32768 up),
 * where the kernel hands out the local ports of outgoing connections and of `listen(0)`: a block
 * next to a `freePort()` answer was once taken by such a port between the check and the listen.
 */
export async function freePortBlock(size: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * (32000 - 20000 - size));
    const checks = await Promise.all(Array.from({ length: size }, (_, offset) => canListen(base + offset)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`no block of ${size} free ports between 20000 and 32000`);
}

const isRoot = process.getuid?.() === 0;

// initdb refuses to run as root, so as root every server command runs as the `postgres` user.
function run(bin: string, args: string[]) {
  const command = path.join(bin, args[0]);
  if (isRoot) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args.slice(1)].map(quote).join(" ")], { stdio: "pipe" });
  else execFileSync(command, args.slice(1), { stdio: "pipe" });
}

function quote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * A throwaway PostgreSQL in a temporary folder on a free loopback port, trusting local
 * connections, tuned for tests (no fsync). `extraConfig` adds `-c name=value` settings.
 */
export async function startPostgres(options: { extraConfig?: Record<string, string> } = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(missingPostgresHint);
  const dir = mkdtempSync(path.join(tmpdir(), "org-console-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const settings = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: dir,
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "300",
    ...options.extraConfig,
  };
  const pgOptions = Object.entries(settings)
    .map(([key, value]) => `-c ${key}=${value}`)
    .join(" ");
  try {
    run(bin, ["initdb", "-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    run(bin, ["pg_ctl", "-D", dataDir, "-l", logFile, "-o", pgOptions, "-w", "-t", "60", "start"]);
  } catch (error) {
    // A half-started server: stop whatever came up and leave no temporary folder behind.
    try {
      run(bin, ["pg_ctl", "-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      run(bin, ["pg_ctl", "-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // postmaster.pid's first line is the postmaster's process id.
  const postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return { url, port, logFile, postmasterPid, stop };
}

/** Runs a command (in `cwd`, this process's folder by default) with inherited output and resolves with its exit code. */
export function runCommand(command: string, args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, cwd });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
