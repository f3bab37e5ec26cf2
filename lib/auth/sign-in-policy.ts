import { env } from "@/lib/env";

// Who may sign in at all, before any organization is involved: an operator running the console for
// one company sets AUTH_ALLOWED_EMAIL_DOMAINS and, for GitHub sign-ins, AUTH_GITHUB_ALLOWED_ORGS.

export type SignInPolicy = {
  /** Lowercase email domains; empty: any. */
  emailDomains: string[];
  /** Lowercase GitHub organization logins; empty: no GitHub membership required. */
  githubOrgs: string[];
  /** GitHub's REST API: api.github.com, or GitHub Enterprise Server's (the test server's) /api/v3. */
  githubApiUrl: string;
};

export type SignInRefusalReason = "domain" | "github-org";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);

export function signInPolicy(): SignInPolicy {
  return {
    emailDomains: list(env.AUTH_ALLOWED_EMAIL_DOMAINS),
    githubOrgs: list(env.AUTH_GITHUB_ALLOWED_ORGS),
    githubApiUrl: env.AUTH_GITHUB_URL ? `${env.AUTH_GITHUB_URL.replace(/\/$/, "")}/api/v3` : "https://api.github.com",
  };
}

/** Exact domain match after the last "@" (a subdomain is another domain: list it too). */
export function emailDomainAllowed(email: string | null | undefined, domains: string[]): boolean {
  if (domains.length === 0) return true;
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 1) return false;
  return domains.includes(email.slice(at + 1).toLowerCase());
}

// GitHub lists 100 organizations a page; nobody sensible is in more than a thousand.
const maxOrgPages = 10;

/**
 * Whether the GitHub user behind `accessToken` belongs to one of `orgs` (the token carries
 * read:org, so private memberships count). Fails closed: an error or an unreadable answer refuses.
 */
export async function memberOfGitHubOrg(accessToken: string, orgs: string[], apiUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  for (let page = 1; page <= maxOrgPages; page++) {
    const response = await fetchImpl(`${apiUrl}/user/orgs?per_page=100&page=${page}`, {
      headers: { Accept: "application/vnd.github+json", Authorization: `Bearer ${accessToken}`, "User-Agent": "org-console" },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null);
    if (!response?.ok) return false;
    const body: unknown = await response.json().catch(() => null);
    if (!Array.isArray(body)) return false;
    const logins = body.map((org) => (typeof org?.login === "string" ? org.login.toLowerCase() : ""));
    if (logins.some((login) => orgs.includes(login))) return true;
    if (logins.length < 100) return false;
  }
  return false;
}

/** Why an OAuth sign-in is refused by the policy, or null when it may go on. */
export async function oauthPolicyRefusal(
  input: { email: string | null | undefined; provider: string | undefined; accessToken: string | undefined },
  policy: SignInPolicy = signInPolicy(),
  fetchImpl: typeof fetch = fetch,
): Promise<SignInRefusalReason | null> {
  if (!emailDomainAllowed(input.email, policy.emailDomains)) return "domain";
  if (input.provider === "github" && policy.githubOrgs.length > 0) {
    if (!input.accessToken || !(await memberOfGitHubOrg(input.accessToken, policy.githubOrgs, policy.githubApiUrl, fetchImpl))) return "github-org";
  }
  return null;
}

/** Where a refused OAuth sign-in lands: the sign-in page, saying why. */
export const signInRefusedPolicyPath = (reason: SignInRefusalReason) => `/sign-in?error=AccessDenied&reason=${reason}`;

/** What the sign-in page and form say to someone the policy keeps out. */
export function policyRefusalMessage(reason: SignInRefusalReason, policy: SignInPolicy = signInPolicy()): string {
  if (reason === "domain") {
    const domains = policy.emailDomains.map((domain) => `@${domain}`).join(", ");
    return `This console accepts only accounts with an email address at ${domains || "an allowed domain"}. Ask your administrator if you need access.`;
  }
  const orgs = policy.githubOrgs.join(", ");
  return `This console accepts only members of the GitHub organization${policy.githubOrgs.length === 1 ? "" : "s"} ${orgs}. If you are one, make sure you granted Org Console access to it, then try again.`;
}
