import { Agent, createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The small reverse proxy that puts two `next start` instances behind one address for the
// two-instance e2e run (playwright.config.ts, E2E_INSTANCES=2). Each request goes to the next
// upstream in turn, so consecutive requests of one browser, a sign-in's redirect and its landing
// page, a server action and its revalidation, land on different instances and meet only in the
// shared PostgreSQL. Bodies stream both ways; Host is kept, so Auth.js builds its redirects and
// cookies for the proxy's own address.

export type Upstream = { host: string; port: number };
export type RoundRobinProxy = { url: string; port: number; server: Server; close: () => Promise<void> };

// Meaningful for one connection only (RFC 9110 §7.6.1): never forwarded, either way.
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Raw header pairs without hop-by-hop ones (and those the Connection header names), repeats kept. */
function endToEnd(rawHeaders: string[], dropAlso: string[] = []): string[][] {
  const named = new Set(dropAlso);
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === "connection") {
      for (const token of rawHeaders[i + 1].split(",")) named.add(token.trim().toLowerCase());
    }
  }
  const pairs: string[][] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (!hopByHop.has(name) && !named.has(name)) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  }
  return pairs;
}

/**
 * What a real proxy in front of the console sends: the client's address appended to
 * X-Forwarded-For, and the scheme and host the client used. The console believes X-Forwarded-For
 * only with TRUST_PROXY (lib/rate-limit/client-ip.ts); the e2e servers leave it unset in both
 * modes, so per-address limits see the same "unknown" client through the proxy as without it.
 */
function forwardedHeaders(incoming: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const ours = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"];
  for (const [name, value] of endToEnd(incoming.rawHeaders, ours)) {
    const key = name.toLowerCase();
    const existing = headers[key];
    // Repeated request headers join with ", " (cookies with "; "), as HTTP/1.1 allows.
    headers[key] = existing === undefined ? value : `${existing}${key === "cookie" ? "; " : ", "}${value}`;
  }
  const prior = incoming.headers["x-forwarded-for"];
  const client = incoming.socket.remoteAddress ?? "unknown";
  headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${client}` : client;
  headers["x-forwarded-proto"] = "http";
  const host = incoming.headers.host;
  if (host) {
    headers["x-forwarded-host"] = host;
    // Next.js fills a missing X-Forwarded-Port with the port it listens on, the upstream's own.
    headers["x-forwarded-port"] = /:(\d+)$/.exec(host)?.[1] ?? "80";
  }
  return headers;
}

function badGateway(response: ServerResponse, upstream: Upstream, error: Error): void {
  if (response.headersSent) {
    // The status line has gone out: cutting the connection is the only honest signal left.
    response.destroy(error);
    return;
  }
  response.writeHead(502, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  response.end(`Bad gateway: ${upstream.host}:${upstream.port} did not answer (${error.message})\n`);
}

/**
 * Starts the proxy on `port` (0: any free port), alternating between `upstreams`. Without
 * `listenHost` it listens on every address, IPv4 and IPv6, as `next start` does, so "localhost"
 * reaches it whichever address the browser tries first.
 */
export function startRoundRobinProxy(port: number, upstreams: Upstream[], listenHost?: string): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error("round-robin proxy: no upstream");
  const agent = new Agent({ keepAlive: true });
  let next = 0;

  const server = createServer((incoming, response) => {
    const upstream = upstreams[next];
    next = (next + 1) % upstreams.length;
    const outgoing = request({
      host: upstream.host,
      port: upstream.port,
      method: incoming.method,
      path: incoming.url,
      headers: forwardedHeaders(incoming),
      agent,
    });
    outgoing.on("response", (answer) => {
      // Raw pairs keep every Set-Cookie line separate and each header's spelling.
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders).flat());
      // Streamed HTML and RSC payloads reach the browser chunk by chunk, as they left the server.
      response.flushHeaders();
      answer.pipe(response);
      answer.on("error", (error) => response.destroy(error));
    });
    outgoing.on("error", (error) => badGateway(response, upstream, error));
    // A client that goes away mid-answer frees the upstream request too.
    response.on("close", () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    incoming.pipe(outgoing);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, listenHost, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${listenHost ?? "localhost"}:${bound}`,
        port: bound,
        server,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
