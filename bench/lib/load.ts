import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import type { RequestShape } from "./http";

const autocannonBin = path.join(process.cwd(), "node_modules", "autocannon", "autocannon.js");
const freshIdsRunner = path.join(process.cwd(), "bench", "lib", "autocannon-fresh-ids.mjs");

/** The header whose value asks for a fresh id per request ("[<id>]"), if any. */
function freshIdHeader(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([, value]) => value === "[<id>]")?.[0];
}

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The machine's 1-minute load average when the run started: a busy machine lowers everything. */
  loadAverage: number;
  /** Server CPU milliseconds per request (filled in by the caller, which knows the server). */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL's CPU milliseconds per request (its backends: the page's statements), likewise. */
  databaseCpuMsPerRequest?: number;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
};

/**
 * Loads `url` with autocannon in a separate process (so the load generator's own work does not
 * run on the event loop that measures), with the session cookie on every request.
 */
export function runLoad(url: string, cookie: string, connections: number, seconds: number, shape: RequestShape = {}): Promise<LoadResult> {
  if (!/^http:\/\/localhost:\d+\//.test(url)) throw new Error(`refusing to load a non-local URL: ${url}`);
  const loadAverage = loadavg()[0];
  return new Promise((resolve, reject) => {
    const headers = { ...(cookie ? { cookie } : {}), ...shape.headers };
    const args = freshIdHeader(headers)
      ? [freshIdsRunner, JSON.stringify({ url, connections, duration: seconds, method: shape.method ?? "GET", headers, body: shape.body, idHeader: freshIdHeader(headers) })]
      : [
          autocannonBin,
          ...["--json", "-c", String(connections), "-d", String(seconds), "-t", "30", "-m", shape.method ?? "GET"],
          ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}=${value}`]),
          ...(shape.body !== undefined ? ["-b", shape.body] : []),
          url,
        ];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // autocannon stops by itself after `seconds`; this only catches a hung run.
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 60) * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${stderr.slice(-2000)}`));
      try {
        const json = JSON.parse(stdout) as AutocannonJson;
        resolve({
          connections,
          seconds: json.duration,
          requests: json.requests.total,
          requestsPerSecond: json.requests.average,
          p50: json.latency.p50,
          p99: json.latency.p99,
          errors: json.errors,
          timeouts: json.timeouts,
          non2xx: json.non2xx,
          loadAverage,
        });
      } catch (error) {
        reject(new Error(`autocannon printed no JSON result: ${String(error)}: ${stdout.slice(0, 500)}`));
      }
    });
  });
}
