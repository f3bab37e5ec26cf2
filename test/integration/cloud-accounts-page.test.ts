import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";

// Issue 15: the Cloud accounts page never hands a secret to the browser. The page itself is
// rendered (its server component, through its real loader and door; only the session is faked) and
// every prop it passes down, to client components and markup alike, is searched for the secrets.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
});

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCloudAccount, sampleCredentials } = await import("@/lib/factories/cloud-accounts");
const { makeCluster } = await import("@/lib/factories/clusters");
const { default: CloudAccountsPage } = await import("@/app/(console)/orgs/[slug]/settings/cloud-accounts/page");
const { default: NewClusterPage } = await import("@/app/(console)/orgs/[slug]/settings/clusters/new/page");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

/** Every value the rendered tree carries (props of every element, functions aside), as one JSON text. */
function payloadOf(node: ReactNode): string {
  const seen: unknown[] = [];
  const walk = (value: unknown): void => {
    if (value === null || value === undefined || typeof value === "function") return;
    if (isValidElement(value)) return walk(value.props);
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value === "object") return Object.values(value as Record<string, unknown>).forEach(walk);
    seen.push(value);
  };
  walk(node);
  return JSON.stringify(seen);
}

const secretsOf = (credentials: Record<string, string>) => Object.entries(credentials).filter(([key]) => key !== "provider" && key !== "projectId" && key !== "clientEmail").map(([, v]) => v);

describe("the Cloud accounts page", () => {
  it("shows each account masked, with its clusters, and passes no secret down", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const all = (["aws", "gcp", "azure", "scaleway"] as const).map((provider) => sampleCredentials(provider));
    const accounts = await Promise.all(all.map((credentials, i) => makeCloudAccount(t.db, org, { name: `acct-${i}`, credentials })));
    const cluster = await makeCluster(t.db, org, { name: "uses-aws", cloudAccountId: accounts[0].id });

    session.userId = users.admin.id;
    const page = await CloudAccountsPage({ params: Promise.resolve({ slug: org.slug }) });
    const payload = payloadOf(page);
    for (const credentials of all) {
      for (const secret of secretsOf(credentials as Record<string, string>)) expect(payload, credentials.provider).not.toContain(secret);
    }
    for (const account of accounts) {
      expect(payload).toContain(`…${account.secretLast4}`);
      expect(payload).not.toContain(account.credentialsSealed);
    }
    expect(payload).toContain(`/orgs/${org.slug}/settings/clusters/${cluster.id}/edit`);
    expect(payload).toContain("Used by 1 cluster: delete it first.");

    // The Add cluster page offers the accounts by name, without their credentials either.
    const newCluster = payloadOf(await NewClusterPage({ params: Promise.resolve({ slug: org.slug }) }));
    expect(newCluster).toContain("acct-2");
    for (const credentials of all) {
      for (const secret of secretsOf(credentials as Record<string, string>)) expect(newCluster).not.toContain(secret);
    }
  });

  it("opens for owners and admins only; others are told which role opens it", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    for (const role of ["developer", "viewer"] as const) {
      session.userId = users[role].id;
      const page = payloadOf(await CloudAccountsPage({ params: Promise.resolve({ slug: org.slug }) }));
      expect(page, role).toContain("Admin");
      expect(page, role).not.toContain("Add cloud account");
    }
  });
});
