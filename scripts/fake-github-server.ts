import { startFakeGitHub } from "./lib/fake-github";

// `tsx scripts/fake-github-server.ts PORT`: the local GitHub the end-to-end tests sign in through.
// With GITHUB_APP_ID, GITHUB_APP_SLUG, GITHUB_APP_PRIVATE_KEY and FAKE_GITHUB_SETUP_URL set (as
// playwright.config.ts does), it also plays the console's GitHub App.
const port = Number(process.argv[2] ?? 0);
const { GITHUB_APP_ID: id, GITHUB_APP_SLUG: slug, GITHUB_APP_PRIVATE_KEY: privateKey, FAKE_GITHUB_SETUP_URL: setupUrl } = process.env;
const app = id && slug && privateKey && setupUrl ? { id, slug, privateKey, setupUrl } : undefined;
const server = await startFakeGitHub(port, { app });
console.log(`fake GitHub listening on ${server.url}${app ? ` (GitHub App ${slug})` : ""}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
