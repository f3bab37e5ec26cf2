import { startRoundRobinProxy, type Upstream } from "./lib/round-robin-proxy";

// `tsx scripts/round-robin-proxy.ts PORT UPSTREAM_PORT...`: one address in front of several
// `next start` instances on this machine, each request to the next one in turn (the two-instance
// e2e run, playwright.config.ts with E2E_INSTANCES=2).
const [port, ...upstreamPorts] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || upstreamPorts.length === 0 || upstreamPorts.some((value) => !Number.isInteger(value))) {
  console.error("usage: tsx scripts/round-robin-proxy.ts PORT UPSTREAM_PORT [UPSTREAM_PORT...]");
  process.exit(2);
}
const upstreams: Upstream[] = upstreamPorts.map((upstreamPort) => ({ host: "127.0.0.1", port: upstreamPort }));
const proxy = await startRoundRobinProxy(port, upstreams);
console.log(`round-robin proxy on ${proxy.url} → ${upstreams.map((upstream) => `${upstream.host}:${upstream.port}`).join(", ")}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void proxy.close().then(() => process.exit(0)));
}
