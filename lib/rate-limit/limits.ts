import { env } from "@/lib/env";
import { unknownClient } from "./client-ip";
import type { RateLimit } from "./consume";

// Every limit the console enforces, built from its setting (lib/env.ts). Callers take the
// settings as a parameter defaulting to the environment's, so tests pass their own.

const hour = 60 * 60 * 1000;
const day = 24 * hour;

export type RateLimitSettings = Pick<
  typeof env,
  | "RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR"
  | "RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR"
  | "RATE_LIMIT_INVITATIONS_PER_ORG_PER_HOUR"
  | "RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR"
  | "RATE_LIMIT_RESENDS_PER_INVITATION_PER_DAY"
  | "RATE_LIMIT_API_TOKEN_FAILURES_PER_IP_PER_HOUR"
  | "RATE_LIMIT_WEBHOOK_SIGNATURE_FAILURES_PER_IP_PER_HOUR"
  | "RATE_LIMIT_ORGS_PER_USER_PER_DAY"
  | "RATE_LIMIT_TEST_REPORTS_PER_ORG_PER_HOUR"
  | "RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR"
  | "RATE_LIMIT_JOIN_REQUESTS_PER_USER_PER_HOUR"
>;

export const rateLimitSettings: RateLimitSettings = env;

/** Sign-in attempts: per client address (guessing many accounts) and per email (one account). */
export function signInLimits(input: { ip: string; email?: string | null }, settings = rateLimitSettings): RateLimit[] {
  const limits: RateLimit[] = [];
  // Sign-in counts every attempt, good ones too: one budget shared by every client whose address
  // is unknown (no TRUST_PROXY) would let one flood lock everybody out, so then only emails count.
  if (input.ip !== unknownClient) {
    limits.push({ bucket: "sign-in-ip", key: input.ip, max: settings.RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR, windowMs: hour });
  }
  // A provider may not say the account's email: then only the address counts.
  if (input.email) {
    limits.push({ bucket: "sign-in-email", key: input.email.toLowerCase(), max: settings.RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR, windowMs: hour });
  }
  return limits;
}

/** Invitation emails (new ones and resends alike): per organization and per inviter. */
export function invitationLimits(input: { orgId: string; inviterId: string }, settings = rateLimitSettings): RateLimit[] {
  return [
    { bucket: "invitations-org", key: input.orgId, max: settings.RATE_LIMIT_INVITATIONS_PER_ORG_PER_HOUR, windowMs: hour },
    { bucket: "invitations-inviter", key: input.inviterId, max: settings.RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR, windowMs: hour },
  ];
}

/** A resend is an invitation email, and one invitation is only resent so often. */
export function resendLimits(input: { orgId: string; inviterId: string; invitationId: string }, settings = rateLimitSettings): RateLimit[] {
  return [
    { bucket: "invitation-resends", key: input.invitationId, max: settings.RATE_LIMIT_RESENDS_PER_INVITATION_PER_DAY, windowMs: day },
    ...invitationLimits(input, settings),
  ];
}

export function apiTokenFailureLimit(ip: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "api-token-failures-ip", key: ip, max: settings.RATE_LIMIT_API_TOKEN_FAILURES_PER_IP_PER_HOUR, windowMs: hour };
}

export function webhookSignatureFailureLimit(ip: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "webhook-signature-failures-ip", key: ip, max: settings.RATE_LIMIT_WEBHOOK_SIGNATURE_FAILURES_PER_IP_PER_HOUR, windowMs: hour };
}

export function orgCreationLimit(userId: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "orgs-created-user", key: userId, max: settings.RATE_LIMIT_ORGS_PER_USER_PER_DAY, windowMs: day };
}

/** "Send a test report" on the General Information page: a few per organization and hour. */
export function testReportLimit(orgId: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "test-reports-org", key: orgId, max: settings.RATE_LIMIT_TEST_REPORTS_PER_ORG_PER_HOUR, windowMs: hour };
}

/** Exports of an organization: each reads all of it (a million audit events), so a few an hour. */
export function exportLimit(orgId: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "exports-org", key: orgId, max: settings.RATE_LIMIT_EXPORTS_PER_ORG_PER_HOUR, windowMs: hour };
}

/** Asking to join (or joining automatically) through a verified domain: per user. */
export function joinRequestLimit(userId: string, settings = rateLimitSettings): RateLimit {
  return { bucket: "join-requests-user", key: userId, max: settings.RATE_LIMIT_JOIN_REQUESTS_PER_USER_PER_HOUR, windowMs: hour };
}
