import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "@/scripts/lib/round-robin-proxy";

// The proxy of the two-instance e2e run, against two real HTTP servers on loopback: if it did not
// alternate, the run would prove nothing; if it lost a Set-Cookie, a header or a streamed chunk,
// the journeys would fail for the proxy's sake rather than the console's.

type Seen = { name: string; method: string; url: string; headers: IncomingMessage["headers"]; body: string };

function upstream(name: string, seen: Seen[]): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ name, method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
    if (req.url === "/stream") {
      // The second chunk is sent only once the client has read the first through the proxy.
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first;");
      server.once("second", () => res.end("second"));
      return;
    }
    res.writeHead(201, [
      ["Set-Cookie", `a=${name}; Path=/; HttpOnly`],
      ["Set-Cookie", "b=2; Path=/"],
      ["X-Upstream", name],
      ["Content-Type", "text/plain"],
    ].flat());
    res.end(`${name}:${req.method}:${req.url}`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;
const seen: Seen[] = [];
let one: Server;
let two: Server;
let proxy: RoundRobinProxy;

beforeAll(async () => {
  one = await upstream("one", seen);
  two = await upstream("two", seen);
  proxy = await startRoundRobinProxy(0, [
    { host: "127.0.0.1", port: portOf(one) },
    { host: "127.0.0.1", port: portOf(two) },
  ], "127.0.0.1");
});
afterAll(async () => {
  await proxy.close();
  for (const server of [one, two]) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

describe("the round-robin proxy", () => {
  it("sends each request to the other upstream in turn, method, path, query and body intact", async () => {
    seen.length = 0;
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.url}/orgs/acme/members?tab=invitations&i=${i}`, { method: "POST", body: `payload ${i}` });
      answers.push(await response.text());
    }
    expect(seen.map((request) => request.name)).toEqual(["one", "two", "one", "two"]);
    expect(answers).toEqual([0, 1, 2, 3].map((i) => `${i % 2 ? "two" : "one"}:POST:/orgs/acme/members?tab=invitations&i=${i}`));
    expect(seen.map((request) => request.body)).toEqual(["payload 0", "payload 1", "payload 2", "payload 3"]);
  });

  it("keeps the status, every Set-Cookie line and the Host, and says who the client is as a proxy does", async () => {
    seen.length = 0;
    const response = await fetch(`${proxy.url}/sign-in`, { headers: { "x-forwarded-for": "203.0.113.9", cookie: "session=abc" } });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual([`a=${response.headers.get("x-upstream")}; Path=/; HttpOnly`, "b=2; Path=/"]);
    const [{ headers }] = seen;
    expect(headers.host).toBe(`127.0.0.1:${proxy.port}`);
    expect(headers.cookie).toBe("session=abc");
    // The client's own header stays on the left; the address the proxy saw is appended.
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-host"]).toBe(`127.0.0.1:${proxy.port}`);
    expect(headers["x-forwarded-port"]).toBe(String(proxy.port));
  });

  it("streams an answer: the first chunk arrives before the upstream has finished", async () => {
    const { body, status } = await new Promise<{ body: IncomingMessage; status: number }>((resolve, reject) => {
      request(`${proxy.url}/stream`, (response) => resolve({ body: response, status: response.statusCode ?? 0 })).on("error", reject).end();
    });
    expect(status).toBe(200);
    const chunks: string[] = [];
    for await (const chunk of body) {
      chunks.push(String(chunk));
      // Only the upstream holding the request listens; the other ignores the event.
      if (chunks.length === 1) for (const server of [one, two]) server.emit("second");
    }
    expect(chunks).toEqual(["first;", "second"]);
  });

  it("answers 502 when an upstream is down, and the next request reaches the other", async () => {
    const down = await startRoundRobinProxy(0, [
      { host: "127.0.0.1", port: 1 },
      { host: "127.0.0.1", port: portOf(one) },
    ], "127.0.0.1");
    try {
      const refused = await fetch(`${down.url}/anything`);
      expect(refused.status).toBe(502);
      expect(await refused.text()).toMatch(/^Bad gateway: 127\.0\.0\.1:1 did not answer/);
      expect((await fetch(`${down.url}/anything`)).status).toBe(201);
    } finally {
      await down.close();
    }
  });
});
