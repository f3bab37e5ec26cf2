import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { generateTestAppKey } from "./scripts/lib/fake-github-app-key";

// The e2e run drives the production build (`next build` first) against the PostgreSQL database in
// DATABASE_URL, which `npm test` creates fresh and migrated. Tests make their own users and
// organizations through the shared factories, so they run in parallel without a global wipe.

if (!process.env.DATABASE_URL) {
  throw new Error(
    "playwright.config.ts: DATABASE_URL is not set. Run `npm test`, or point DATABASE_URL at a migrated PostgreSQL database " +
      "(with AUTH_SECRET, AUTH_DEV_LOGIN=true and AUTH_TRUST_HOST=true) after `npx next build`.",
  );
}

// scripts/test.ts hands out a free port; 3107 otherwise.
const port = Number(process.env.E2E_PORT || 3107);
// localhost, not 127.0.0.1: Auth.js redirects to localhost, and the session cookie must follow.
const baseURL = `http://localhost:${port}`;

// E2E_INSTANCES=2 (`npm test -- --e2e-two-instances`): two `next start` behind a proxy on the port.
const twoInstances = process.env.E2E_INSTANCES === "2";

// A local server plays GitHub, so "Continue with GitHub" runs Auth.js's real OAuth code path.
const githubPort = port + 1;
// A real SMTP server on loopback takes the console's emails; the tests read them over HTTP.
const smtpPort = port + 2;
const mailboxPort = port + 3;
process.env.E2E_MAILBOX_URL = `http://127.0.0.1:${mailboxPort}`;
// A local DNS server answers the console's TXT lookups (domain verification, DNS_RESOLVER); the
// tests set its records over HTTP (e2e/support/dns.ts).
const dnsPort = port + 4;
const dnsControlPort = port + 5;
process.env.E2E_DNS_URL = `http://127.0.0.1:${dnsControlPort}`;

// The same local GitHub plays the console's GitHub App (GHES-shaped: API under /api/v3). The key
// and webhook secret are made once per run; workers inherit them (e2e/support/github.ts signs
// webhook deliveries with the secret and drives the fake through E2E_GITHUB_URL).
process.env.E2E_GITHUB_URL = `http://127.0.0.1:${githubPort}`;
process.env.E2E_GITHUB_APP_PRIVATE_KEY ??= generateTestAppKey();
process.env.E2E_GITHUB_WEBHOOK_SECRET ??= randomBytes(24).toString("hex");
// Shared with the test workers (they inherit this process's env), so what the factories seal
// (cloud accounts) the server can open.
process.env.KUBECONFIG_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const githubApp = {
  GITHUB_APP_ID: "4242",
  GITHUB_APP_SLUG: "org-console-e2e",
  GITHUB_APP_PRIVATE_KEY: process.env.E2E_GITHUB_APP_PRIVATE_KEY,
  GITHUB_APP_WEBHOOK_SECRET: process.env.E2E_GITHUB_WEBHOOK_SECRET,
  GITHUB_URL: process.env.E2E_GITHUB_URL,
  GITHUB_API_URL: `${process.env.E2E_GITHUB_URL}/api/v3`,
};

const serverEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  AUTH_GITHUB_ID: "e2e-client-id",
  AUTH_GITHUB_SECRET: "e2e-client-secret",
  AUTH_GITHUB_URL: `http://127.0.0.1:${githubPort}`,
  ...githubApp,
  // Production refuses to start without it: links in emails are built from it, never from a header.
  APP_URL: baseURL,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  DNS_RESOLVER: `127.0.0.1:${dnsPort}`,
  MAIL_FROM: "Org Console <no-reply@org-console.test>",
  // The local engine's transitions take a few seconds (install 4 s, stop 1.6 s), so the tests
  // watch real state changes without waiting a demo's 20 s.
  LOCAL_ENGINE_TIME_SCALE: "0.2",
  // Every spec signs in and calls the API from this one machine, so the per-address limits are out
  // of reach; the per-inviter and per-email ones are low enough for e2e/rate-limits.spec.ts to
  // spend in its own organization and email (no other spec sends more than a few of either).
  RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: "1000000",
  RATE_LIMIT_API_TOKEN_FAILURES_PER_IP_PER_HOUR: "1000000",
  RATE_LIMIT_WEBHOOK_SIGNATURE_FAILURES_PER_IP_PER_HOUR: "1000000",
  RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR: "12",
  RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR: "8",
  // `next start` is production, where paid plans are not self-serve by default: the billing and
  // new-organization specs choose plans themselves.
  BILLING_SELF_SERVE: "true",
  // `next start` is production: it refuses to seal kubeconfigs without a key.
  KUBECONFIG_ENCRYPTION_KEY: process.env.KUBECONFIG_ENCRYPTION_KEY,
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // E2E_REPEAT_EACH=30 runs each matching test 30 times: how a journey suspected of flaking on a
  // busy machine is checked (alongside a CPU load) before and after its fix.
  repeatEach: Number(process.env.E2E_REPEAT_EACH || 1),
  forbidOnly: true,
  reporter: "list",
  // Journeys check every state with axe in light and dark at two widths: on a busy 2-core machine a
  // long one takes over a minute of real work. Generous rather than flaky; no test waits on time.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    browserName: "chromium",
    // Browsers cannot be downloaded here: Debian's Chromium it is.
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      command: `npx tsx scripts/fake-github-server.ts ${githubPort}`,
      url: `http://127.0.0.1:${githubPort}/api/v3/user`,
      env: { ...githubApp, FAKE_GITHUB_SETUP_URL: `${baseURL}/api/github/setup` },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx scripts/smtp-capture-server.ts ${smtpPort} ${mailboxPort}`,
      url: `http://127.0.0.1:${mailboxPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx scripts/fake-dns-server.ts ${dnsPort} ${dnsControlPort}`,
      url: `http://127.0.0.1:${dnsControlPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    ...consoleServers(),
  ],
});

/**
 * One `next start` on the port, or with E2E_INSTANCES=2 two of them on one database (each running
 * the cluster job worker) behind a round-robin proxy on the port, so that consecutive requests of a
 * journey meet only in PostgreSQL. Same environment for both: one AUTH_SECRET, so a session
 * cookie made on one instance opens the other.
 */
function consoleServers() {
  const nextStart = (listen: number) => ({
    command: `npx next start -p ${listen}`,
    url: `http://localhost:${listen}/sign-in`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  });
  if (!twoInstances) return [nextStart(port)];
  const instances = [port + 20, port + 21];
  return [
    ...instances.map(nextStart),
    {
      command: `npx tsx scripts/round-robin-proxy.ts ${port} ${instances.join(" ")}`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ];
}
