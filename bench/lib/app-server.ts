import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCommand } from "@/scripts/lib/postgres-server";

const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

export function hasBuild(): boolean {
  return existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

/** `next build`, with its output shown; throws when it fails. */
export async function buildApp(): Promise<void> {
  const code = await runCommand(nextBin, ["build"]);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}

export type AppServer = {
  baseUrl: string;
  logFile: string;
  /** CPU seconds (user + system) used so far by the server's processes: steadier than req/s on a busy machine. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
};

/**
 * `next start` of the console's build (in `dir`, this folder by default) on `port` against
 * `databaseUrl`, with the development sign-in on and a random secret; resolves once it answers
 * HTTP. Its output goes to `logFile`.
 */
export function startApp(options: { databaseUrl: string; port: number; logFile: string; timeoutMs?: number; env?: Record<string, string>; dir?: string }): Promise<AppServer> {
  return startNextServer({
    dir: options.dir ?? process.cwd(),
    port: options.port,
    logFile: options.logFile,
    readyPath: "/api/auth/csrf",
    timeoutMs: options.timeoutMs,
    env: {
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      AUTH_DEV_LOGIN: "true",
      AUTH_TRUST_HOST: "true",
      // Production refuses to start without the public address links in emails are built from.
      APP_URL: `http://localhost:${options.port}`,
      // The cluster job runner polls its queue in the background: its statements are nobody's
      // request, and the bench counts statements per request from the PostgreSQL log.
      CLUSTER_WORKER: "off",
      // Likewise the mail outbox sender: its claim every 2 s landed in pages' counts (4.05 on Git).
      NOTICE_WORKER: "off",
      ...options.env,
    },
  });
}

/**
 * `next start` of the built Next.js app in `dir` (the console, or the reference app) on
 * localhost:`port`; resolves once `readyPath` answers at all. Its output goes to `logFile`.
 */
export async function startNextServer(options: {
  dir: string;
  port: number;
  logFile: string;
  readyPath: string;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppServer> {
  const baseUrl = `http://localhost:${options.port}`;
  const log = createWriteStream(options.logFile);
  // Its own process group, so stopping it also stops anything it started.
  const child = spawn(path.join(options.dir, "node_modules", ".bin", "next"), ["start", "-p", String(options.port), "-H", "localhost"], {
    cwd: options.dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const server: AppServer = {
    baseUrl,
    logFile: options.logFile,
    cpuSeconds: () => (child.pid ? processGroupCpuSeconds(child.pid) : Number.NaN),
    stop: () => stopChild(child, log),
  };
  try {
    await waitUntilAnswering(`${baseUrl}${options.readyPath}`, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited early (${child.exitCode ?? child.signalCode}); see its log`);
    }
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer within ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess, log: NodeJS.WritableStream): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await new Promise<void>((resolve) => log.end(() => resolve()));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

// Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s.
const ticksPerSecond = 100;

/** User + system CPU seconds of every live process in the group, from /proc (NaN elsewhere). */
function processGroupCpuSeconds(groupId: number): number {
  return cpuSecondsOf((process) => process.group === groupId);
}

/**
 * User + system CPU seconds of a process and its live children (PostgreSQL's postmaster and its
 * backends), from /proc (NaN elsewhere).
 */
export function processTreeCpuSeconds(rootPid: number): number {
  return cpuSecondsOf((process) => process.pid === rootPid || process.parent === rootPid);
}

function cpuSecondsOf(counted: (process: { pid: number; parent: number; group: number }) => boolean): number {
  if (!existsSync("/proc")) return Number.NaN;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // Exited meanwhile.
    }
    // Fields after "(comm)": state ppid pgrp … utime(14) stime(15), numbered from pid = 1.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (counted({ pid: Number(entry), parent: Number(fields[1]), group: Number(fields[2]) })) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}
