import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { clusterJobs, clusters, environments, organizations, type Organization, type User } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { organizationBeingDeleted } from "@/lib/authz/org-transaction";
import { memberRoles, roleHasPermission } from "@/lib/authz/permissions";
import { EngineError, type InfrastructureEngine } from "@/lib/clusters/engine/types";
import { makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject, makeRule } from "@/lib/factories/projects";
import { cancelOrganizationDeletion, deleteOrganization, retryOrganizationDeletion } from "@/lib/orgs/actions";
import { instantEngine, runQueuedJobs } from "./support/cluster-actions";
import { act, snapshotMembership } from "./support/member-actions";
import { rowsReferencing } from "./support/org-rows";
import { useTestDatabase } from "./support/test-database";

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

// Issue 15, part 3: deleting an organization that still has clusters in one guided flow. The owner
// confirms once; the organization turns read-only, its clusters' teardowns run on the job runner,
// and the last one deletes the organization, leaving no row behind. A failed teardown stops it
// with the reason until the owner retries or cancels.

const t = useTestDatabase();
let printed: MockInstance<typeof console.log>;

beforeAll(() => {
  // Without SMTP_URL emails are printed to the log: the owners' and admins' notices are read there.
  printed = vi.spyOn(console, "log").mockImplementation(() => {});
});

const failingDeletes: InfrastructureEngine = {
  name: "failing-deletes",
  perform: async (action) => {
    if (action === "delete") throw new EngineError("the cloud provider refused the request (quota)");
    return {};
  },
};

function as(action: typeof deleteOrganization | typeof retryOrganizationDeletion | typeof cancelOrganizationDeletion, user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, input: Record<string, string> = {}) {
  return runOrgAction(action, { db: t.db, userId: user?.id ?? null, slug: org.slug, input });
}

/** A team organization with every role, two clusters, and an environment and a rule on the first. */
async function orgWithClusters() {
  const built = await makeOrgWithEveryRole(t.db);
  const first = await makeCluster(t.db, built.org, { status: "running", isDefault: true });
  const second = await makeCluster(t.db, built.org, { status: "stopped" });
  const project = await makeProject(t.db, built.org);
  const environment = await makeEnvironment(t.db, project, first);
  await makeRule(t.db, project, first, { pattern: "preview-*", position: 0 });
  return { ...built, first, second, project, environment };
}

async function orgRow(id: string) {
  const [row] = await t.db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

describe("deleting an organization with clusters", () => {
  it("queues every teardown, turns the organization read-only, and deletes it with the last teardown", async () => {
    const { org, users: people, first, second } = await orgWithClusters();
    const started = await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug });
    expect(started).toMatchObject({ ok: true, message: expect.stringContaining("is being deleted") });

    const deleting = await orgRow(org.id);
    expect(deleting?.deletionRequestedAt).toBeInstanceOf(Date);
    expect(deleting?.deletionRequestedBy).toBe(people.owner.id);
    const statuses = await t.db.select({ id: clusters.id, status: clusters.status }).from(clusters).where(eq(clusters.orgId, org.id));
    expect(statuses.map((row) => row.status)).toEqual(["deleting", "deleting"]);
    const jobs = await t.db.select().from(clusterJobs).where(eq(clusterJobs.orgId, org.id));
    expect(jobs.map((job) => [job.clusterId, job.action, job.status]).sort()).toEqual(
      [[first.id, "delete", "queued"], [second.id, "delete", "queued"]].sort(),
    );

    // Read-only for everyone meanwhile, the owner included; refusals change nothing.
    const before = await snapshotMembership(t.db, org.id);
    expect(await act(t.db, "changeRole", people.owner, org, { userId: people.viewer.id, role: "developer" })).toMatchObject({ ok: false, formError: organizationBeingDeleted });
    expect(await act(t.db, "invite", people.admin, org, { emails: "late@example.test", role: "viewer" })).toMatchObject({ ok: false, formError: organizationBeingDeleted });
    expect(await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug })).toMatchObject({ ok: false, formError: "This organization is already being deleted." });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);

    printed.mockClear();
    await runQueuedJobs(t.db, instantEngine);
    expect(await orgRow(org.id)).toBeNull();
    expect(Object.entries(await rowsReferencing(t.db, org.id)).filter(([, n]) => n > 0)).toEqual([]);
    const mailed = printed.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(`${org.name} was deleted`));
    expect(mailed.map((line) => /To: (\S+)/.exec(line)?.[1]).sort()).toEqual([people.admin.email, people.owner.email].sort());
  });

  it("stops on a failed teardown with its reason; Retry finishes it", async () => {
    const { org, users: people, first, second } = await orgWithClusters();
    await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug });
    await runQueuedJobs(t.db, failingDeletes);

    const stopped = await orgRow(org.id);
    expect(stopped?.deletionFailure).toMatch(/^Tearing down .+ failed: the cloud provider refused the request \(quota\)$/);
    const left = await t.db.select({ id: clusters.id, status: clusters.status }).from(clusters).where(eq(clusters.orgId, org.id));
    expect(left.map((row) => row.status)).toEqual(["error", "error"]);
    expect(left.map((row) => row.id).sort()).toEqual([first.id, second.id].sort());

    expect(await as(retryOrganizationDeletion, people.owner, org)).toMatchObject({ ok: true, message: expect.stringContaining("Retrying the teardown") });
    expect((await orgRow(org.id))?.deletionFailure).toBeNull();
    await runQueuedJobs(t.db, instantEngine);
    expect(await orgRow(org.id)).toBeNull();
  });

  it("Cancel gives the organization back, minus what was torn down, and it accepts writes again", async () => {
    const { org, users: people, first, second, environment } = await orgWithClusters();
    await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug });
    // The first teardown succeeds, the second fails.
    await runQueuedJobs(t.db, {
      name: "fails-second",
      perform: async (action, cluster) => {
        if (action === "delete" && cluster.id === second.id) throw new EngineError("timeout");
        return {};
      },
    });
    expect(await t.db.select().from(clusters).where(eq(clusters.id, first.id))).toEqual([]);
    expect(await t.db.select().from(environments).where(eq(environments.id, environment.id))).toEqual([]);

    const cancelled = await as(cancelOrganizationDeletion, people.owner, org);
    expect(cancelled).toMatchObject({ ok: true, message: expect.stringContaining("was cancelled") });
    const back = await orgRow(org.id);
    expect([back?.deletionRequestedAt, back?.deletionFailure]).toEqual([null, null]);
    expect((await t.db.select({ status: clusters.status }).from(clusters).where(eq(clusters.id, second.id)))[0].status).toBe("error");
    expect(await act(t.db, "changeRole", people.owner, org, { userId: people.viewer.id, role: "developer" })).toMatchObject({ ok: true });
    expect(await as(cancelOrganizationDeletion, people.owner, org)).toMatchObject({ ok: false, formError: expect.stringContaining("not being deleted") });
  });

  it("Cancel waits while a teardown is under way", async () => {
    const { org, users: people } = await orgWithClusters();
    await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug });
    expect(await as(cancelOrganizationDeletion, people.owner, org)).toMatchObject({ ok: false, formError: expect.stringContaining("Wait until the teardown under way finishes") });
    expect((await orgRow(org.id))?.deletionRequestedAt).toBeInstanceOf(Date);
  });

  describe("retry and cancel: org.delete × every role × a non-member", () => {
    for (const action of [retryOrganizationDeletion, cancelOrganizationDeletion]) {
      for (const role of [...memberRoles, null] as const) {
        if (role && roleHasPermission(role, "org.delete")) continue;
        it(`${action === retryOrganizationDeletion ? "retry" : "cancel"} is refused to ${role ?? "a non-member"} and changes nothing`, async () => {
          const { org, users: people } = await orgWithClusters();
          await as(deleteOrganization, people.owner, org, { confirmSlug: org.slug });
          await runQueuedJobs(t.db, failingDeletes);
          const caller = role ? people[role] : await makeUser(t.db);
          const before = { org: await orgRow(org.id), clusters: await t.db.select().from(clusters).where(eq(clusters.orgId, org.id)), jobs: await t.db.select().from(clusterJobs).where(eq(clusterJobs.orgId, org.id)) };
          const result = await as(action, caller, org);
          expect(result).toMatchObject({ ok: false, formError: role ? expect.any(String) : messages.notFound });
          expect({ org: await orgRow(org.id), clusters: await t.db.select().from(clusters).where(eq(clusters.orgId, org.id)), jobs: await t.db.select().from(clusterJobs).where(eq(clusterJobs.orgId, org.id)) }).toEqual(before);
        });
      }
    }
  });
});
