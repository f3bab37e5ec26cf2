import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, gitInstallations, gitRepositories, type Organization, type User } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { answerSetup } from "@/lib/git/setup-http";
import { startFakeGitHub, type FakeGitHub } from "@/scripts/lib/fake-github";
import type { FakeGitHubApp } from "@/scripts/lib/fake-github-app";
import { generateTestAppKey } from "@/scripts/lib/fake-github-app-key";
import { installGithubApp } from "@/lib/git/actions";

// The local GitHub (scripts/lib/fake-github.ts) on a free port of this test file, with the
// console's GitHub App configured to talk to it, as GITHUB_URL and GITHUB_API_URL would in a GHES
// deployment. The key pair and webhook secret are made per file.

export const testApp = { id: "4242", slug: "org-console-test", webhookSecret: "test-webhook-secret" };
export const setupUrl = "https://console.test/api/github/setup";

export type GithubHarness = { readonly fake: FakeGitHub; readonly app: FakeGitHubApp; readonly privateKey: string };

export function useFakeGithub(): GithubHarness {
  const privateKey = generateTestAppKey();
  let fake: FakeGitHub | null = null;
  beforeAll(async () => {
    fake = await startFakeGitHub(0, { app: { id: testApp.id, slug: testApp.slug, privateKey, setupUrl } });
    stubGithubEnv(fake.url, privateKey);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake?.close();
  });
  return {
    get fake() {
      if (!fake) throw new Error("the fake GitHub runs only inside tests and hooks");
      return fake;
    },
    get app() {
      return this.fake.app!;
    },
    privateKey,
  };
}

export function stubGithubEnv(url: string, privateKey: string) {
  vi.stubEnv("GITHUB_APP_ID", testApp.id);
  vi.stubEnv("GITHUB_APP_SLUG", testApp.slug);
  // As a one-line secret store keeps it: literal \n escapes.
  vi.stubEnv("GITHUB_APP_PRIVATE_KEY", privateKey.replace(/\n/g, "\\n"));
  vi.stubEnv("GITHUB_APP_WEBHOOK_SECRET", testApp.webhookSecret);
  vi.stubEnv("GITHUB_URL", url);
  vi.stubEnv("GITHUB_API_URL", `${url}/api/v3`);
}

/** "Install Github Application" as `user` clicks it: the GitHub URL the action redirects to. */
export async function beginAs(db: Db, user: Pick<User, "id"> | null, org: Pick<Organization, "slug">) {
  return runOrgAction(installGithubApp, { db, userId: user?.id ?? null, slug: org.slug, input: {} });
}

/** The browser on GitHub's installation page: submits the form, returns where GitHub redirects. */
export async function installOnGithub(installUrl: string, form: { account: string; repositories: string[]; accountType?: string; selection?: string }) {
  const page = await fetch(installUrl);
  if (page.status !== 200) throw new Error(`installation page answered ${page.status}`);
  const state = new URL(installUrl).searchParams.get("state") ?? "";
  const response = await fetch(installUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ state, account: form.account, accountType: form.accountType ?? "Organization", selection: form.selection ?? "selected", repositories: form.repositories.join("\n") }),
  });
  if (response.status !== 302) throw new Error(`installing answered ${response.status}`);
  return new URL(response.headers.get("location")!);
}

/** GitHub's redirect to the setup URL, answered as the route would for the signed-in `user`. */
export function setupAs(db: Db, user: Pick<User, "id">, params: Record<string, string> | URLSearchParams) {
  return answerSetup(db, params instanceof URLSearchParams ? params : new URLSearchParams(params), user.id);
}

/** The state the install action put in its GitHub URL. */
export function stateOf(installUrl: string): string {
  return new URL(installUrl).searchParams.get("state") ?? "";
}

/** Every Git row of the organization, and its Git audit events. */
export async function gitRows(db: Db, org: Pick<Organization, "id">) {
  const installations = await db.select().from(gitInstallations).where(eq(gitInstallations.orgId, org.id));
  const repositories = await db.select().from(gitRepositories).where(eq(gitRepositories.orgId, org.id)).orderBy(asc(gitRepositories.fullName));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, org.id)).orderBy(asc(auditEvents.id));
  return { installations, repositories, audit: audit.filter((event) => event.action.startsWith("git.")) };
}

let accounts = 0;
/** A GitHub account login no other test of the run uses. */
export const newAccount = () => `acme-gh-${process.pid}-${++accounts}`;

/** Clicks Install as `user` and returns the GitHub URL (throws if refused). */
export async function beginInstallUrl(db: Db, org: Pick<Organization, "slug">, user: Pick<User, "id">): Promise<string> {
  const begun = await beginAs(db, user, org);
  if (!begun.ok || !begun.redirectTo) throw new Error(`install refused: ${JSON.stringify(begun)}`);
  return begun.redirectTo;
}
