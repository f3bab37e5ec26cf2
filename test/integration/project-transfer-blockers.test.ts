import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizations, type User } from "@/db/schema";
import { loadMembership } from "@/lib/authz/authorize";
import { addMember, makeOrgWithEveryRole } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProject } from "@/lib/factories/projects";
import { makeProjectTree } from "@/lib/factories/transfer";
import { transferPreview } from "@/lib/projects/transfer";
import { makeDestination, snapshotProject, transferAs } from "./support/project-transfer";
import { useTestDatabase } from "./support/test-database";

// Issue 15, part 5: a blocked transfer told the caller to "ask an owner or admin of" their own
// personal organization. Every blocker is about the destination; whoever may lift it there is told
// to do it (with a link), and only a caller whose role there cannot is sent to its owners and admins.

const t = useTestDatabase();

/** A source where `caller` is admin, with a project of one environment. */
async function source() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const cluster = await makeCluster(t.db, org, { isDefault: true });
  const { project } = await makeProjectTree(t.db, org, cluster.id, { name: "Shop", environments: [{ name: "production", mode: "production" }] });
  return { org, caller: users.admin, project };
}

async function personalOrgOf(user: User) {
  const [org] = await t.db.select().from(organizations).where(eq(organizations.id, user.lastActiveOrgId!));
  return org;
}

async function blockedTransfer(s: Awaited<ReturnType<typeof source>>, destinationSlug: string) {
  const before = await snapshotProject(t.db, s.project.id, [s.org.id]);
  const result = await transferAs(t.db, s.caller, s.org, { projectId: s.project.id, destinationSlug, confirmName: "Shop" });
  expect(await snapshotProject(t.db, s.project.id, [s.org.id])).toEqual(before);
  const ctx = (await loadMembership(t.db, s.caller.id, s.org.slug))!;
  const preview = await transferPreview(t.db, ctx, { projectId: s.project.id, destinationSlug });
  return { result, blockers: preview.ok ? preview.plan.blockers : [] };
}

describe("a blocked transfer says who can lift the blocker", () => {
  it("to the caller's own personal organization without a cluster: they add one themselves, never 'ask an owner or admin' of it", async () => {
    const s = await source();
    const personal = await personalOrgOf(s.caller);
    const { result, blockers } = await blockedTransfer(s, personal.slug);
    expect(result).toMatchObject({
      ok: false,
      formError: `${personal.name} has no cluster, so 1 environment would have nowhere to run. You can add a cluster in ${personal.name}'s Clusters settings, then come back.`,
    });
    expect(blockers).toEqual([expect.objectContaining({ kind: "no-cluster", link: { href: `/orgs/${personal.slug}/settings/clusters/new`, label: `Add a cluster to ${personal.name}` } })]);
  });

  it("to the caller's personal organization at the Free plan's project limit: delete a project there (it cannot change plan)", async () => {
    const s = await source();
    const personal = await personalOrgOf(s.caller);
    await makeCluster(t.db, personal, { isDefault: true });
    for (let i = 0; i < 3; i++) await makeProject(t.db, personal);
    const { result } = await blockedTransfer(s, personal.slug);
    expect(result).toMatchObject({
      ok: false,
      formError: `${personal.name} is on the Free plan, which allows 3 projects, and it has 3. A personal organization stays on the Free plan: delete a project in ${personal.name} first.`,
    });
  });

  it("an admin of a team destination lifts each blocker there; a developer is sent to its owners and admins", async () => {
    const s = await source();
    const full = await makeDestination(t.db, { plan: "free", cluster: false, name: "Tiny" });
    // Projects without environments need no cluster: Tiny has none, and its 3 projects fill the Free plan.
    for (let i = 0; i < 3; i++) await makeProject(t.db, full.org);
    await addMember(t.db, full.org, s.caller, "admin");
    const asAdmin = await blockedTransfer(s, full.org.slug);
    expect(asAdmin.blockers.map((blocker) => [blocker.kind, blocker.fix, blocker.link?.href ?? null])).toEqual([
      ["no-cluster", "You can add a cluster in Tiny's Clusters settings, then come back.", `/orgs/${full.org.slug}/settings/clusters/new`],
      ["plan-limit", "Delete a project in Tiny or change its plan first.", `/orgs/${full.org.slug}/settings/billing`],
    ]);

    const developer = await source();
    await addMember(t.db, full.org, developer.caller, "developer");
    const asDeveloper = await blockedTransfer(developer, full.org.slug);
    expect(asDeveloper.blockers.map((blocker) => [blocker.kind, blocker.fix, blocker.link ?? null])).toEqual([
      ["no-cluster", "Ask an owner or admin of Tiny to add a cluster in its Clusters settings, then come back.", null],
      ["plan-limit", "Ask an owner or admin of Tiny to change its plan or delete a project there first.", null],
    ]);
  });

  it("a key clash: an admin of the destination may delete the project there, a developer asks its owners and admins", async () => {
    const s = await source();
    const destination = await makeDestination(t.db, { name: "Globex" });
    await makeProjectTree(t.db, destination.org, destination.cluster!.id, { name: "Their shop", key: s.project.key, environments: [] });
    await addMember(t.db, destination.org, s.caller, "admin");
    expect((await blockedTransfer(s, destination.org.slug)).blockers.map((blocker) => blocker.fix)).toEqual([
      "The key is how the CLI finds a project, so it must be unique in Globex. Choose another organization, or delete the project that uses it there first.",
    ]);
    const developer = await source();
    await addMember(t.db, destination.org, developer.caller, "developer");
    const clash = await makeProjectTree(t.db, developer.org, (await makeCluster(t.db, developer.org)).id, { name: "Shop two", key: s.project.key, environments: [] });
    const ctx = (await loadMembership(t.db, developer.caller.id, developer.org.slug))!;
    const preview = await transferPreview(t.db, ctx, { projectId: clash.project.id, destinationSlug: destination.org.slug });
    expect(preview.ok && preview.plan.blockers.map((blocker) => blocker.fix)).toEqual([
      "The key is how the CLI finds a project, so it must be unique in Globex. Choose another organization, or ask an owner or admin of Globex to delete the project that uses it.",
    ]);
  });
});
