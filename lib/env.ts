import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// `VAR=` in an env file means unset, not an invalid value.
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

const limit = (fallback: number) => unsetWhenEmpty(z.coerce.number().int().positive()).transform((value) => value ?? fallback);

// Abuse limits (lib/rate-limit/limits.ts), each a count per window; documented in the README's
// "Rate limits". Generous enough that people never meet them; tests set their own.
const rateLimitSettings = {
  RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: limit(300),
  RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR: limit(20),
  RATE_LIMIT_INVITATIONS_PER_ORG_PER_HOUR: limit(200),
  RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR: limit(100),
  RATE_LIMIT_RESENDS_PER_INVITATION_PER_DAY: limit(5),
  RATE_LIMIT_API_TOKEN_FAILURES_PER_IP_PER_HOUR: limit(100),
  RATE_LIMIT_WEBHOOK_SIGNATURE_FAILURES_PER_IP_PER_HOUR: limit(60),
  RATE_LIMIT_ORGS_PER_USER_PER_DAY: limit(10),
  RATE_LIMIT_TEST_REPORTS_PER_ORG_PER_HOUR: limit(5),
  RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR: limit(10),
  // Requests to join (and automatic joins) through a verified domain, per user.
  RATE_LIMIT_JOIN_REQUESTS_PER_USER_PER_HOUR: limit(10),
};

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_DEV_LOGIN: z.enum(["true", "false"]).optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  // GitHub Enterprise Server, or a local server playing GitHub in tests.
  AUTH_GITHUB_URL: z.string().url().optional(),
  // Who may sign in (lib/auth/sign-in-policy.ts): comma-separated email domains (example.com), and
  // for GitHub sign-ins, GitHub organizations whose members only may sign in. Unset: anyone.
  AUTH_ALLOWED_EMAIL_DOMAINS: unsetWhenEmpty(z.string()),
  AUTH_GITHUB_ALLOWED_ORGS: unsetWhenEmpty(z.string()),
  AUTH_GITLAB_ID: z.string().optional(),
  AUTH_GITLAB_SECRET: z.string().optional(),
  AUTH_BITBUCKET_ID: z.string().optional(),
  AUTH_BITBUCKET_SECRET: z.string().optional(),
  // smtp://user:pass@host:port or smtps://…; unset: emails are printed to the server log.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Org Console <no-reply@localhost>"),
  // The console's public address, for links in emails. Required in production (instrumentation.ts
  // refuses to start without it); elsewhere http://localhost:<PORT or 3000>. Never a request header.
  APP_URL: z.string().url().optional(),
  // The DNS server that verifies domains' TXT records (lib/domains/txt-record.ts), as host:port
  // (IPv4, or [IPv6]:port). Unset: the system's resolvers.
  DNS_RESOLVER: unsetWhenEmpty(z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(:\d{1,5})?$/, "DNS_RESOLVER is host:port, e.g. 127.0.0.1:53")),
  // 32 bytes, base64: seals kubeconfigs at rest. Unset outside production: generated under .data/.
  KUBECONFIG_ENCRYPTION_KEY: z.string().optional(),
  // "off" keeps this server instance from running cluster jobs (run them elsewhere).
  CLUSTER_WORKER: z.enum(["on", "off"]).default("on"),
  // "off" keeps this instance from sending the mail outbox and running the usage-report scheduler
  // (lib/notifications/worker.ts); how often it polls the outbox and ticks the scheduler.
  NOTICE_WORKER: z.enum(["on", "off"]).default("on"),
  NOTICE_POLL_MS: z.coerce.number().int().positive().default(2_000),
  REPORT_SCHEDULE_EVERY_SECONDS: z.coerce.number().int().positive().default(600),
  // Multiplies the local engine's durations (e.g. 0.05 in tests, 1 for realistic timings).
  LOCAL_ENGINE_TIME_SCALE: z.coerce.number().positive().default(1),
  // The GitHub App that decides which repositories the console may use (lib/git/config.ts):
  // all four together, or none. GITHUB_APP_PRIVATE_KEY is the PEM GitHub generates (real newlines
  // or literal "\n" escapes, as one-line secret stores keep it).
  GITHUB_APP_ID: unsetWhenEmpty(z.string().regex(/^\d+$/, "GITHUB_APP_ID is the App's numeric id")),
  GITHUB_APP_SLUG: unsetWhenEmpty(z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, "GITHUB_APP_SLUG is the App's URL name")),
  GITHUB_APP_PRIVATE_KEY: unsetWhenEmpty(z.string()),
  GITHUB_APP_WEBHOOK_SECRET: unsetWhenEmpty(z.string()),
  // GitHub's web and API addresses: github.com's by default; GitHub Enterprise Server (or the local
  // server playing GitHub in tests) is https://host and https://host/api/v3.
  GITHUB_URL: unsetWhenEmpty(z.string().url()),
  GITHUB_API_URL: unsetWhenEmpty(z.string().url()),
  // The SSH gateway that "Connect via SSH" names: host or host:port. Unset: ssh.<APP_URL's host>
  // (ssh.localhost without APP_URL), port 2222 (lib/projects/ssh.ts).
  // Whether owners and admins may choose a paid plan themselves (lib/billing/provider.ts): "true"
  // or "false"; unset: on outside production, off in production. Off: an operator grants paid
  // plans (`npm run org:plan -- <slug> <plan>`) and the Billing page names BILLING_CONTACT.
  BILLING_SELF_SERVE: unsetWhenEmpty(z.enum(["true", "false"], "BILLING_SELF_SERVE is true or false")),
  // Whom to ask for a paid plan when self-serve is off (an email address or a short text).
  BILLING_CONTACT: unsetWhenEmpty(z.string().max(200)),
  SSH_GATEWAY_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "SSH_GATEWAY_HOST is a host name, optionally with :port")
    .optional(),
  // How many proxies in front of the console append to X-Forwarded-For (lib/rate-limit/client-ip.ts):
  // "true" is one, a number says how many; unset or "false": the header is not believed.
  TRUST_PROXY: unsetWhenEmpty(
    z
      .string()
      .regex(/^(true|false|[0-9])$/, 'TRUST_PROXY is "true", "false" or the number of proxies (0-9)')
      .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
  ),
  ...rateLimitSettings,
});

export const env = envSchema.parse(process.env);

const githubKeys = {
  GITHUB_APP_ID: true,
  GITHUB_APP_SLUG: true,
  GITHUB_APP_PRIVATE_KEY: true,
  GITHUB_APP_WEBHOOK_SECRET: true,
  GITHUB_URL: true,
  GITHUB_API_URL: true,
} as const;

/** The GitHub App's variables as they are now (read per call, so tests can point them at a local GitHub). */
export function githubEnv() {
  return envSchema.pick(githubKeys).parse(process.env);
}

const billingKeys = { NODE_ENV: true, BILLING_SELF_SERVE: true, BILLING_CONTACT: true } as const;

/**
 * The shipped billing provider's settings, read per call (tests switch self-serve off): paid plans
 * are self-serve when BILLING_SELF_SERVE=true, or when it is unset outside production.
 */
export function billingEnv(): { selfServe: boolean; contact: string | null } {
  const values = envSchema.pick(billingKeys).parse(process.env);
  const selfServe = values.BILLING_SELF_SERVE === "true" || (values.NODE_ENV !== "production" && values.BILLING_SELF_SERVE !== "false");
  return { selfServe, contact: values.BILLING_CONTACT?.trim() || null };
}

/** The development sign-in: on outside production, and in production only when asked for. */
export const devLoginEnabled =
  env.AUTH_DEV_LOGIN === "true" || (env.NODE_ENV !== "production" && env.AUTH_DEV_LOGIN !== "false");

/**
 * AUTH_SECRET, or outside production a generated one kept under .data/ so that `npm run dev`
 * needs no configuration and sessions survive restarts. Production refuses to guess.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).");
  }
  return developmentSecret("auth-secret");
}

/**
 * 32 random bytes (base64) generated once under .data/ and kept there, for the secrets that
 * development may invent (never used in production, where they must be configured).
 */
export function developmentSecret(name: string): string {
  const file = path.join(process.cwd(), ".data", name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx": if another process wrote it first, keep theirs, so every process reads the same secret.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

export type OAuthProviderId = "github" | "gitlab" | "bitbucket";

/** Git providers whose OAuth client is configured; the others are not offered at all. */
export function configuredOAuthProviders(): { id: OAuthProviderId; clientId: string; clientSecret: string }[] {
  const pairs: [OAuthProviderId, string | undefined, string | undefined][] = [
    ["github", env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET],
    ["gitlab", env.AUTH_GITLAB_ID, env.AUTH_GITLAB_SECRET],
    ["bitbucket", env.AUTH_BITBUCKET_ID, env.AUTH_BITBUCKET_SECRET],
  ];
  return pairs
    .filter((pair): pair is [OAuthProviderId, string, string] => Boolean(pair[1] && pair[2]))
    .map(([id, clientId, clientSecret]) => ({ id, clientId, clientSecret }));
}
