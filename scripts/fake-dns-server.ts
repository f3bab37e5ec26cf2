import { createServer } from "node:http";
import { startFakeDns } from "./lib/fake-dns";

// For e2e: the local DNS server the console's DNS_RESOLVER points at, and an HTTP port through
// which the tests set TXT records (PUT /txt/<name> with a JSON array of values; DELETE clears).
// Usage: tsx scripts/fake-dns-server.ts <dns port> <control port>

const [dnsPort, controlPort] = process.argv.slice(2).map(Number);
const dns = await startFakeDns(dnsPort);

createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return response.end("ok");
  const name = decodeURIComponent(url.pathname.replace(/^\/txt\//, ""));
  if (!url.pathname.startsWith("/txt/") || !name) return response.writeHead(404).end();
  if (request.method === "DELETE") {
    dns.clear(name);
    return response.writeHead(204).end();
  }
  let body = "";
  for await (const chunk of request) body += chunk;
  const values = JSON.parse(body) as string[];
  dns.setTxt(name, values);
  response.writeHead(204).end();
}).listen(controlPort, "127.0.0.1");
