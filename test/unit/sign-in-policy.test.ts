import { describe, expect, it } from "vitest";
import { emailDomainAllowed, policyRefusalMessage } from "@/lib/auth/sign-in-policy";
import { signInErrorMessage } from "@/lib/rate-limit/sign-in-page";

describe("emailDomainAllowed", () => {
  it.each([
    ["dana@acme.test", ["acme.test"], true],
    ["Dana@ACME.test", ["acme.test"], true],
    ["dana@acme.test", [], true],
    ["dana@evil.test", ["acme.test"], false],
    ["dana@acme.test.evil.test", ["acme.test"], false],
    ["dana@sub.acme.test", ["acme.test"], false],
    ["acme.test", ["acme.test"], false],
    ["@acme.test", ["acme.test"], false],
    ["", ["acme.test"], false],
  ])("%j with %j → %s", (email, domains, allowed) => {
    expect(emailDomainAllowed(email, domains)).toBe(allowed);
  });
});

describe("the sign-in page's line for a refusal", () => {
  const policy = { emailDomains: ["acme.test"], githubOrgs: ["acme"], githubApiUrl: "http://unused" };

  it("names the allowed domains and organizations", () => {
    expect(policyRefusalMessage("domain", policy)).toContain("@acme.test");
    expect(policyRefusalMessage("github-org", policy)).toContain("GitHub organization acme");
  });

  it("is read from Auth.js's redirect, and anything else stays generic", () => {
    expect(signInErrorMessage({ error: "AccessDenied", reason: "domain" })).toContain("accepts only accounts with an email address");
    expect(signInErrorMessage({ error: "AccessDenied", reason: "github-org" })).toContain("accepts only members of the GitHub organization");
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "not_allowed" })).toContain("accepts only accounts");
    expect(signInErrorMessage({ error: "AccessDenied", reason: "<script>" })).toBe("Sign-in did not complete. Try again.");
  });
});
