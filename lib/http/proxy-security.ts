import type { NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, strictTransportSecurity } from "./security-headers";

// The per-request half of the security headers, for proxy.ts: a nonce'd Content-Security-Policy
// for pages and HSTS over HTTPS. Settings are read once when the server starts (the proxy runs on
// every request: no database, nothing awaited).

const development = process.env.NODE_ENV === "development";
const appUrlIsHttps = process.env.APP_URL?.startsWith("https://") ?? false;
// X-Forwarded-Proto is only believed where Auth.js is told to believe the proxy's headers.
const trustForwardedHeaders = process.env.AUTH_TRUST_HOST === "true";

function origin(url: string | undefined, fallback: string): string {
  try {
    return new URL(url ?? fallback).origin;
  } catch {
    return fallback;
  }
}

/**
 * Without JavaScript, "Continue with GitHub" and "Install Github Application" are form posts
 * answered by a redirect to the provider, which Chromium checks against form-action.
 */
function formTargets(): string[] {
  const env = process.env;
  const targets = new Set<string>();
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) targets.add(origin(env.AUTH_GITHUB_URL, "https://github.com"));
  if (env.AUTH_GITLAB_ID && env.AUTH_GITLAB_SECRET) targets.add("https://gitlab.com");
  if (env.AUTH_BITBUCKET_ID && env.AUTH_BITBUCKET_SECRET) targets.add("https://bitbucket.org");
  if (env.GITHUB_APP_ID) targets.add(origin(env.GITHUB_URL, "https://github.com"));
  return [...targets];
}

const pageFormTargets = formTargets();

export function servedOverHttps(request: NextRequest): boolean {
  if (appUrlIsHttps) return true;
  return trustForwardedHeaders && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** A fresh nonce per page request: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function pagePolicy(nonce: string, https: boolean): string {
  return contentSecurityPolicy({ nonce, development, https, formTargets: pageFormTargets });
}

export function withTransportSecurity<T extends NextResponse>(response: T, https: boolean): T {
  if (https) response.headers.set("strict-transport-security", strictTransportSecurity);
  return response;
}

/** The request header proxy.ts sets on every page request to the path and query asked for. */
export const requestedPathHeader = "x-console-requested-path";
