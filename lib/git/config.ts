import { createPrivateKey } from "node:crypto";
import { githubEnv } from "@/lib/env";

// The GitHub App the console acts as. Without all four App variables the Git Permission page says
// exactly which are missing and how to create the App; nothing is faked.

export type GithubAppConfig = {
  appId: string;
  slug: string;
  /** PKCS#8 PEM: GitHub hands out PKCS#1, which WebCrypto (Octokit's JWT signer) cannot read. */
  privateKey: string;
  webhookSecret: string;
  /** The web address, without a trailing slash: https://github.com, or a GHES host. */
  webUrl: string;
  /** The REST API base: https://api.github.com, or <GHES>/api/v3. */
  apiUrl: string;
};

export type GithubAppConfigMissing = {
  missing: string[];
  /** Why a variable that is set cannot be used (the key is not a PEM private key). */
  reasons: Partial<Record<string, string>>;
};

export const githubAppVariables = ["GITHUB_APP_ID", "GITHUB_APP_SLUG", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_WEBHOOK_SECRET"] as const;

const defaultWebUrl = "https://github.com";
const defaultApiUrl = "https://api.github.com";

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * GITHUB_URL and GITHUB_API_URL: github.com's by default; with only GITHUB_URL set (GitHub
 * Enterprise Server) the API is <GITHUB_URL>/api/v3.
 */
export function githubUrls(): { webUrl: string; apiUrl: string } {
  const vars = githubEnv();
  const webUrl = trimSlash(vars.GITHUB_URL ?? defaultWebUrl);
  const apiUrl = vars.GITHUB_API_URL
    ? trimSlash(vars.GITHUB_API_URL)
    : webUrl === defaultWebUrl
      ? defaultApiUrl
      : `${webUrl}/api/v3`;
  return { webUrl, apiUrl };
}

export function isGithubAppConfig(value: GithubAppConfig | GithubAppConfigMissing): value is GithubAppConfig {
  return !("missing" in value);
}

/** The App's configuration, or exactly which variables to set. Read per call: cheap, and testable. */
export function githubAppConfig(): GithubAppConfig | GithubAppConfigMissing {
  const vars = githubEnv();
  const missing: string[] = githubAppVariables.filter((name) => !vars[name]?.trim());
  const reasons: Partial<Record<string, string>> = {};
  let privateKey: string | null = null;
  if (vars.GITHUB_APP_PRIVATE_KEY?.trim()) {
    privateKey = normalizePrivateKey(vars.GITHUB_APP_PRIVATE_KEY);
    if (!privateKey) {
      missing.push("GITHUB_APP_PRIVATE_KEY");
      reasons.GITHUB_APP_PRIVATE_KEY = "is not a PEM private key: paste the whole .pem file GitHub generated, BEGIN and END lines included";
    }
  }
  if (missing.length > 0 || !privateKey) return { missing, reasons };
  return {
    appId: vars.GITHUB_APP_ID!,
    slug: vars.GITHUB_APP_SLUG!,
    privateKey,
    webhookSecret: vars.GITHUB_APP_WEBHOOK_SECRET!,
    ...githubUrls(),
  };
}

const normalized = new Map<string, string | null>();

/** The key as PKCS#8 PEM, accepting literal "\n" escapes; null when it is not a private key. */
export function normalizePrivateKey(raw: string): string | null {
  const cached = normalized.get(raw);
  if (cached !== undefined) return cached;
  let result: string | null;
  try {
    const pem = raw.includes("\\n") ? raw.replace(/\\n/g, "\n") : raw;
    result = createPrivateKey(pem.trim()).export({ type: "pkcs8", format: "pem" }).toString();
  } catch {
    result = null;
  }
  normalized.set(raw, result);
  return result;
}
