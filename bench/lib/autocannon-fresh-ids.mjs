// autocannon with a fresh id in one header per request (GitHub's X-GitHub-Delivery): the CLI cannot
// do it (its -I replaces ids in the body only, and "[<id>]" in a -H value breaks its argument
// parser). Run as its own process like the CLI, with one JSON argument; prints the CLI's --json result.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

const { url, connections, duration, method, headers, body, idHeader } = JSON.parse(process.argv[2]);
const result = await autocannon({
  url,
  connections,
  duration,
  timeout: 30,
  method,
  headers,
  body,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, [idHeader]: randomUUID() } }) }],
});
process.stdout.write(JSON.stringify(result));
