import { describe, expect, it } from "vitest";
import { missingAppUrlMessage, resolveAppUrl } from "@/lib/http/app-url-settings";
import { hasOddPath, hasOddQuery } from "@/lib/http/odd-query";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";

describe("contentSecurityPolicy", () => {
  it("gives pages nonce'd scripts, no eval, no framing, no plugins, and forms only to this site and the named providers", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", development: false, https: false, formTargets: ["https://github.com"] });
    expect(policy.split("; ")).toEqual([
      "default-src 'self'",
      "script-src 'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https: http:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self' https://github.com",
      "frame-ancestors 'none'",
    ]);
  });

  it("allows eval only in development, and upgrades insecure requests only over HTTPS", () => {
    expect(contentSecurityPolicy({ development: true, https: false })).toContain("script-src 'self' 'unsafe-eval'");
    const https = contentSecurityPolicy({ development: false, https: true });
    expect(https).not.toContain("unsafe-eval");
    expect(https).toContain("upgrade-insecure-requests");
    expect(https).toContain("img-src 'self' data: blob: https:;");
  });

  it("sends the static headers under lower-case names, so the proxy's policy replaces next.config's", () => {
    const headers = staticSecurityHeaders(false);
    expect(headers.every(({ key }) => key === key.toLowerCase())).toBe(true);
    expect(Object.fromEntries(headers.map(({ key, value }) => [key, value]))).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("resolveAppUrl", () => {
  it("is APP_URL without a trailing slash", () => {
    expect(resolveAppUrl({ NODE_ENV: "production", APP_URL: "https://console.example.com/" })).toBe("https://console.example.com");
  });

  it("refuses to guess in production, and is localhost elsewhere, never a request's host", () => {
    expect(() => resolveAppUrl({ NODE_ENV: "production" })).toThrow(missingAppUrlMessage);
    expect(resolveAppUrl({ NODE_ENV: "development" })).toBe("http://localhost:3000");
    expect(resolveAppUrl({ NODE_ENV: "test", PORT: "4100" })).toBe("http://localhost:4100");
  });
});

describe("hasOddQuery", () => {
  it("finds a percent-encoded control character anywhere in the query, in either case", () => {
    for (const search of ["?q=%00", "?q=a%1fb", "?q=%7F", "?a=1&q=%0A", "?%00=x"]) expect(hasOddQuery(search), search).toBe(true);
  });

  it("leaves every printable query alone, encoded percent signs included", () => {
    for (const search of ["", "?q=", "?q=%25", "?q=%2500", "?q=%E0%A4%A", "?q=%F0%9F%9A%80", "?after=eyJ9"]) expect(hasOddQuery(search), search).toBe(false);
  });
});

describe("hasOddPath", () => {
  it("finds control characters and broken percent-encoding in a path", () => {
    for (const path of ["/orgs/%00", "/orgs/a/projects/%E0%A4%A/settings", "/orgs/%7f/x", "/orgs/%zz"]) expect(hasOddPath(path), path).toBe(true);
  });

  it("leaves readable paths alone", () => {
    for (const path of ["/", "/orgs/acme/settings", "/orgs/caf%C3%A9", "/orgs/a%20b", "/orgs/not-a-uuid"]) expect(hasOddPath(path), path).toBe(false);
  });
});
