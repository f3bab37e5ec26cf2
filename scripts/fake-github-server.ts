import { startFakeGitHub } from "./lib/fake-github";

// `tsx scripts/fake-github-server.ts PORT`: the local GitHub the end-to-end tests sign in through.
const port = Number(process.argv[2] ?? 0);
const server = await startFakeGitHub(port);
console.log(`fake GitHub listening on ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
