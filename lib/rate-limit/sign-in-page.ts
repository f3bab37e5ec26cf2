import { policyRefusalMessage } from "@/lib/auth/sign-in-policy";
import { formatRetryTime } from "./messages";

type Params = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The sign-in page's line after Auth.js sent someone back with an error. A rate-limit refusal
 * says when to try again; `retry` comes from the URL, so only a near-future time is believed.
 */
export function signInErrorMessage(params: Params, now = new Date()): string {
  const error = one(params.error);
  // Kept out by AUTH_ALLOWED_EMAIL_DOMAINS / AUTH_GITHUB_ALLOWED_ORGS (lib/auth/sign-in-policy.ts).
  const reason = one(params.reason);
  if (error === "AccessDenied" && (reason === "domain" || reason === "github-org")) return policyRefusalMessage(reason);
  if (error === "CredentialsSignin" && one(params.code) === "not_allowed") return policyRefusalMessage("domain");
  const limited = error === "RateLimited" || (error === "CredentialsSignin" && one(params.code) === "rate_limited");
  if (!limited) return "Sign-in did not complete. Try again.";
  const retry = Number(one(params.retry));
  const at = new Date(retry * 1000);
  const believable = Number.isInteger(retry) && at.getTime() > now.getTime() && at.getTime() - now.getTime() <= 2 * 24 * 60 * 60 * 1000;
  return believable
    ? `Too many sign-in attempts from your network or for this account. Try again after ${formatRetryTime(at, now)}.`
    : "Too many sign-in attempts from your network or for this account. Wait a while, then try again.";
}
