import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOfGitHubOrg, oauthPolicyRefusal, type SignInPolicy } from "@/lib/auth/sign-in-policy";
import { type FakeGitHub, fakeAccessToken, startFakeGitHub } from "@/scripts/lib/fake-github";

// AUTH_GITHUB_ALLOWED_ORGS against the local server that speaks GitHub's REST API (GET /user/orgs,
// paged by 100), and AUTH_ALLOWED_EMAIL_DOMAINS for every provider.

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub();
});
afterAll(async () => github.close());

const api = () => `${github.url}/api/v3`;
const token = (orgs: string[]) => fakeAccessToken({ id: 7, login: "octo", name: "Octo", email: "octo@acme.test", orgs });
const policy = (overrides: Partial<SignInPolicy> = {}): SignInPolicy => ({ emailDomains: [], githubOrgs: [], githubApiUrl: api(), ...overrides });

describe("memberOfGitHubOrg", () => {
  it("finds a listed organization, whatever its case", async () => {
    expect(await memberOfGitHubOrg(token(["other", "Acme"]), ["acme"], api())).toBe(true);
  });

  it("refuses a user in none of them, or in none at all", async () => {
    expect(await memberOfGitHubOrg(token(["other"]), ["acme"], api())).toBe(false);
    expect(await memberOfGitHubOrg(token([]), ["acme"], api())).toBe(false);
  });

  it("reads past the first page of 100 organizations", async () => {
    const many = Array.from({ length: 230 }, (_, i) => `org-${i}`);
    expect(await memberOfGitHubOrg(token([...many, "acme"]), ["acme"], api())).toBe(true);
  });

  it("fails closed on a token GitHub refuses or a GitHub that does not answer", async () => {
    expect(await memberOfGitHubOrg("gho_not-a-token", ["acme"], api())).toBe(false);
    expect(await memberOfGitHubOrg(token(["acme"]), ["acme"], "http://127.0.0.1:9/api/v3")).toBe(false);
  });
});

describe("oauthPolicyRefusal", () => {
  it("lets anyone in when nothing is configured", async () => {
    expect(await oauthPolicyRefusal({ email: "x@anywhere.test", provider: "github", accessToken: token([]) }, policy())).toBeNull();
  });

  it("refuses an email outside the allowed domains, for any provider", async () => {
    const domains = policy({ emailDomains: ["acme.test"] });
    expect(await oauthPolicyRefusal({ email: "dana@acme.test", provider: "gitlab", accessToken: "t" }, domains)).toBeNull();
    expect(await oauthPolicyRefusal({ email: "dana@evil.test", provider: "gitlab", accessToken: "t" }, domains)).toBe("domain");
    expect(await oauthPolicyRefusal({ email: "dana@sub.acme.test", provider: "github", accessToken: "t" }, domains)).toBe("domain");
    expect(await oauthPolicyRefusal({ email: null, provider: "github", accessToken: "t" }, domains)).toBe("domain");
  });

  it("asks GitHub for memberships only for GitHub sign-ins", async () => {
    const orgs = policy({ githubOrgs: ["acme"] });
    expect(await oauthPolicyRefusal({ email: "octo@acme.test", provider: "github", accessToken: token(["acme"]) }, orgs)).toBeNull();
    expect(await oauthPolicyRefusal({ email: "octo@acme.test", provider: "github", accessToken: token(["other"]) }, orgs)).toBe("github-org");
    expect(await oauthPolicyRefusal({ email: "octo@acme.test", provider: "github", accessToken: undefined }, orgs)).toBe("github-org");
    expect(await oauthPolicyRefusal({ email: "dana@acme.test", provider: "gitlab", accessToken: undefined }, orgs)).toBeNull();
  });
});
