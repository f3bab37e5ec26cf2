import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, deploymentRules, environments } from "@/db/schema";
import { messages } from "@/lib/actions/run-action";
import { loadMembership } from "@/lib/authz/authorize";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { addMember, makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProjectTree } from "@/lib/factories/transfer";
import { transferMessages, transferPreview } from "@/lib/projects/transfer";
import { findProjectInOrg } from "@/lib/projects/transfer-plan";
import { makeDestination, orgIdsOfProject, snapshotProject, transferAs } from "./support/project-transfer";
import { useTestDatabase } from "./support/test-database";

// Issue 6 (6): transferring a project to another organization. project.transfer × every role × a
// non-member in the source at the door; project.create in the destination read from the database;
// what blocks (key clash, no cluster, plan limit); what moves (every row, clusters re-targeted, the
// rules that point at the source's clusters removed); audit events in both; access afterwards.

const t = useTestDatabase();

/** A source with every role, a default cluster and a busy project; a destination where `caller` is admin. */
async function scenario(options: { caller?: MemberRole | "outsider"; destinationRole?: "admin" | "developer" | "viewer" | null } = {}) {
  const { org: source, users } = await makeOrgWithEveryRole(t.db);
  const sourceCluster = await makeCluster(t.db, source, { isDefault: true, name: "source-eu" });
  const made = await makeProjectTree(t.db, source, sourceCluster.id, {
    name: "Shop",
    environments: [
      { name: "production", mode: "production" },
      { name: "staging", mode: "staging" },
    ],
    rules: [{ pattern: "prod*", mode: "production" }],
  });
  const destination = await makeDestination(t.db, { name: "Globex" });
  const caller = users[options.caller ?? "admin"];
  const destinationRole = options.destinationRole === undefined ? "admin" : options.destinationRole;
  if (destinationRole) await addMember(t.db, destination.org, caller, destinationRole);
  const input = { projectId: made.project.id, destinationSlug: destination.org.slug, confirmName: "Shop" };
  return { source, users, sourceCluster, ...made, destination, caller, input, orgIds: [source.id, destination.org.id] };
}

describe("project.transfer at the door (roles in the source)", () => {
  const callers: (MemberRole | "outsider")[] = [...memberRoles, "outsider"];

  it.each(callers)("as %s", async (role) => {
    const s = await scenario({ caller: role });
    const before = await snapshotProject(t.db, s.project.id, s.orgIds);
    const result = await transferAs(t.db, s.caller, s.source, s.input);

    if (role === "outsider" || !roleHasPermission(role, "project.transfer")) {
      const formError = role === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("project.transfer")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotProject(t.db, s.project.id, s.orgIds)).toEqual(before);
      return;
    }
    expect(result).toStrictEqual({
      ok: true,
      message: `Transferred Shop to Globex. Its 2 environments now run on ${s.destination.cluster?.name}.`,
      redirectTo: `/orgs/${s.destination.org.slug}/projects/${s.project.id}`,
    });
    expect(await orgIdsOfProject(t.db, s.project.id)).toEqual({
      project: [s.destination.org.id],
      environments: [s.destination.org.id],
      applications: [s.destination.org.id],
      databases: [s.destination.org.id],
      rules: [],
    });
  });

  it("refuses a signed-out caller", async () => {
    const s = await scenario();
    expect(await transferAs(t.db, null, s.source, s.input)).toStrictEqual({ ok: false, formError: messages.signedOut });
  });
});

describe("the destination is checked in the database", () => {
  it.each([
    ["a viewer there", "viewer" as const, (org: string) => transferMessages.roleTooLow("Viewer", org)],
    ["not a member there", null, () => transferMessages.destinationUnknown],
  ])("refuses a caller who is %s, changing nothing", async (_label, destinationRole, message) => {
    const s = await scenario({ destinationRole });
    const before = await snapshotProject(t.db, s.project.id, s.orgIds);
    expect(await transferAs(t.db, s.caller, s.source, s.input)).toStrictEqual({ ok: false, formError: message(s.destination.org.name), values: s.input });
    expect(await snapshotProject(t.db, s.project.id, s.orgIds)).toEqual(before);
    const preview = await transferPreview(t.db, (await loadMembership(t.db, s.caller.id, s.source.slug))!, s.input);
    expect(preview).toStrictEqual({ ok: false, reason: "destination", message: message(s.destination.org.name) });
  });

  it("answers a slug that exists nowhere exactly as one the caller is not in", async () => {
    const s = await scenario();
    const input = { ...s.input, destinationSlug: "no-such-organization-anywhere" };
    expect(await transferAs(t.db, s.caller, s.source, input)).toMatchObject({ ok: false, formError: transferMessages.destinationUnknown });
  });

  it("refuses the source itself", async () => {
    const s = await scenario();
    const input = { ...s.input, destinationSlug: s.source.slug };
    expect(await transferAs(t.db, s.caller, s.source, input)).toMatchObject({ ok: false, formError: transferMessages.sameOrganization(s.source.name) });
  });

  it("lets a developer of the destination receive it (project.create)", async () => {
    const s = await scenario({ destinationRole: "developer" });
    expect(await transferAs(t.db, s.caller, s.source, s.input)).toMatchObject({ ok: true });
  });
});

describe("what the server checks before moving anything", () => {
  it.each([
    ["an empty confirmation", ""],
    ["the key instead of the name", "key"],
    ["the name in capitals", "SHOP"],
  ])("refuses %s", async (_label, typed) => {
    const s = await scenario();
    const confirmName = typed === "key" ? s.project.key : typed;
    const before = await snapshotProject(t.db, s.project.id, s.orgIds);
    const result = await transferAs(t.db, s.caller, s.source, { ...s.input, confirmName });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmName: "Type Shop to confirm." } });
    expect(await snapshotProject(t.db, s.project.id, s.orgIds)).toEqual(before);
  });

  it.each([
    ["not an id", () => "not-a-uuid"],
    ["unknown", () => "00000000-0000-4000-8000-000000000000"],
  ])("refuses a project id that is %s", async (_label, id) => {
    const s = await scenario();
    expect(await transferAs(t.db, s.caller, s.source, { ...s.input, projectId: id() })).toMatchObject({ ok: false, formError: transferMessages.projectMissing });
  });

  it("refuses a project of another organization named in the form, even one the caller may transfer there", async () => {
    const s = await scenario();
    const elsewhere = await makeProjectTree(t.db, s.destination.org, s.destination.cluster!.id, { name: "Theirs" });
    const before = await snapshotProject(t.db, elsewhere.project.id, s.orgIds);
    const result = await transferAs(t.db, s.caller, s.source, { ...s.input, projectId: elsewhere.project.id, confirmName: "Theirs" });
    expect(result).toMatchObject({ ok: false, formError: transferMessages.projectMissing });
    expect(await snapshotProject(t.db, elsewhere.project.id, s.orgIds)).toEqual(before);
  });

  it("blocks on a key the destination already uses, in any case, naming it", async () => {
    const s = await scenario();
    await makeProjectTree(t.db, s.destination.org, s.destination.cluster!.id, { name: "Other shop", key: s.project.key.toUpperCase(), environments: [] });
    const before = await snapshotProject(t.db, s.project.id, s.orgIds);
    const result = await transferAs(t.db, s.caller, s.source, s.input);
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining(`Globex already has a project with the key ${s.project.key.toUpperCase()} (Other shop).`) });
    expect(await snapshotProject(t.db, s.project.id, s.orgIds)).toEqual(before);
  });

  it("blocks when the destination has no cluster for the environments", async () => {
    const s = await scenario();
    const bare = await makeDestination(t.db, { cluster: false, name: "Bare" });
    await addMember(t.db, bare.org, s.caller, "admin");
    const input = { ...s.input, destinationSlug: bare.org.slug };
    const before = await snapshotProject(t.db, s.project.id, [s.source.id, bare.org.id]);
    const result = await transferAs(t.db, s.caller, s.source, input);
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("Bare has no cluster, so 2 environments would have nowhere to run.") });
    expect(await snapshotProject(t.db, s.project.id, [s.source.id, bare.org.id])).toEqual(before);
  });

  it("moves a project without environments to a destination without clusters: nothing needs one", async () => {
    const s = await scenario();
    const empty = await makeProjectTree(t.db, s.source, s.sourceCluster.id, { name: "Empty", environments: [] });
    const bare = await makeDestination(t.db, { cluster: false });
    await addMember(t.db, bare.org, s.caller, "admin");
    const result = await transferAs(t.db, s.caller, s.source, { projectId: empty.project.id, destinationSlug: bare.org.slug, confirmName: "Empty" });
    expect(result).toMatchObject({ ok: true, message: `Transferred Empty to ${bare.org.name}.` });
  });

  it("blocks when the destination's plan has no room for another project", async () => {
    const s = await scenario();
    const full = await makeDestination(t.db, { plan: "free", name: "Tiny" });
    await addMember(t.db, full.org, s.caller, "admin");
    for (let i = 0; i < 3; i++) await makeProjectTree(t.db, full.org, full.cluster!.id, { environments: [] });
    const input = { ...s.input, destinationSlug: full.org.slug };
    const before = await snapshotProject(t.db, s.project.id, [s.source.id, full.org.id]);
    const result = await transferAs(t.db, s.caller, s.source, input);
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("Tiny is on the Free plan, which allows 3 projects, and it has 3.") });
    expect(await snapshotProject(t.db, s.project.id, [s.source.id, full.org.id])).toEqual(before);
  });
});

describe("a transfer", () => {
  it("previews what moves, the clusters that change and the rules that go", async () => {
    const s = await scenario();
    const ctx = (await loadMembership(t.db, s.caller.id, s.source.slug))!;
    const preview = await transferPreview(t.db, ctx, { projectId: s.project.id, destinationSlug: s.destination.org.slug });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const { plan } = preview;
    expect(plan.counts).toEqual({ environments: 2, applications: 2, databases: 2, rulesKept: 0 });
    expect(plan.retargets.map((r) => [r.name, r.from.clusterName, r.to?.clusterName, r.to?.via])).toEqual([
      ["production", "source-eu", s.destination.cluster!.name, "default"],
      ["staging", "source-eu", s.destination.cluster!.name, "default"],
    ]);
    expect(plan.rulesRemoved).toEqual([{ id: s.rules[0].id, position: 1, pattern: "prod*", mode: "production", clusterName: "source-eu" }]);
    expect(plan.blockers).toEqual([]);
  });

  it("moves every row, re-targets every environment as Automatic, and records the transfer in both organizations", async () => {
    const s = await scenario();
    const before = await snapshotProject(t.db, s.project.id, s.orgIds);
    expect(await transferAs(t.db, s.caller, s.source, s.input)).toMatchObject({ ok: true });
    const after = await snapshotProject(t.db, s.project.id, s.orgIds);

    expect(after.project[0]).toMatchObject({ ...before.project[0], orgId: s.destination.org.id, updatedAt: expect.any(Date) });
    expect(after.envs).toEqual(
      before.envs.map((env) => ({ ...env, orgId: s.destination.org.id, clusterId: s.destination.cluster!.id, automaticCluster: true, updatedAt: expect.any(Date) })),
    );
    expect(after.apps).toEqual(before.apps.map((app) => ({ ...app, orgId: s.destination.org.id })));
    expect(after.dbs).toEqual(before.dbs.map((row) => ({ ...row, orgId: s.destination.org.id })));
    expect(after.rules).toEqual([]);
    // The source's cluster is no longer anyone's target.
    expect(await t.db.select().from(environments).where(eq(environments.clusterId, s.sourceCluster.id))).toEqual([]);

    const events = after.audit.slice(before.audit.length);
    expect(events.map((e) => [e.orgId, e.action, e.targetId, e.targetLabel, e.actorId])).toEqual([
      [s.source.id, "project.transfer_out", s.project.id, "Shop", s.caller.id],
      [s.destination.org.id, "project.transfer_in", s.project.id, "Shop", s.caller.id],
    ]);
    const values = {
      before: { organization: s.source.name, slug: s.source.slug, environments: [{ name: "production", cluster: "source-eu" }, { name: "staging", cluster: "source-eu" }], deploymentRules: 1 },
      after: {
        organization: "Globex",
        slug: s.destination.org.slug,
        environments: [{ name: "production", cluster: s.destination.cluster!.name }, { name: "staging", cluster: s.destination.cluster!.name }],
        deploymentRules: 0,
        removedRules: ["prod* → source-eu"],
      },
    };
    for (const event of events) expect({ before: event.before, after: event.after }).toEqual(values);
    // The project's history stays in the source.
    expect(after.audit.filter((e) => e.orgId === s.source.id).length).toBe(before.audit.filter((e) => e.orgId === s.source.id).length + 1);
  });

  it("keeps a rule whose cluster is the destination's, and places environments through it", async () => {
    const s = await scenario();
    const theirs = await makeCluster(t.db, s.destination.org, { name: "globex-prod" });
    const made = await makeProjectTree(t.db, s.source, s.sourceCluster.id, {
      name: "Mixed",
      environments: [{ name: "prod-eu", mode: "production" }, { name: "dev", mode: "development" }],
      rules: [{ pattern: "dev*", mode: "development" }],
    });
    // A rule naming a destination cluster cannot be made in the console; this shows the rule applies.
    await t.db.insert(deploymentRules).values({ orgId: s.source.id, projectId: made.project.id, position: 2, pattern: "prod-*", clusterId: theirs.id, mode: "production" });
    const input = { projectId: made.project.id, destinationSlug: s.destination.org.slug, confirmName: "Mixed" };
    expect(await transferAs(t.db, s.caller, s.source, input)).toMatchObject({ ok: true, message: `Transferred Mixed to Globex. Its 2 environments now run on Globex's clusters.` });
    const after = await snapshotProject(t.db, made.project.id, s.orgIds);
    expect(after.envs.map((env) => [env.name, env.clusterId]).sort()).toEqual([["dev", s.destination.cluster!.id], ["prod-eu", theirs.id]]);
    expect(after.rules.map((rule) => [rule.pattern, rule.orgId])).toEqual([["prod-*", s.destination.org.id]]);
  });

  it("hands access to the destination's members: a member of only the source no longer finds the project", async () => {
    const s = await scenario();
    expect(await transferAs(t.db, s.caller, s.source, s.input)).toMatchObject({ ok: true });
    // Every read is scoped by the organization in the URL: the source's no longer holds it.
    expect(await findProjectInOrg(t.db, s.source.id, s.project.id)).toBeNull();
    expect(await findProjectInOrg(t.db, s.destination.org.id, s.project.id)).toMatchObject({ name: "Shop" });
    expect(await loadMembership(t.db, s.users.viewer.id, s.destination.org.slug)).toBeNull();
    // Not even the source's owner can act on it from there.
    const again = await transferAs(t.db, s.users.owner, s.source, s.input);
    expect(again).toMatchObject({ ok: false, formError: expect.any(String) });
    const newcomer = await makeUser(t.db);
    await addMember(t.db, s.destination.org, newcomer, "viewer");
    expect(await loadMembership(t.db, newcomer.id, s.destination.org.slug)).not.toBeNull();
    const sourceEvents = await t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, s.source.id), eq(auditEvents.action, "project.transfer_out")));
    expect(sourceEvents).toHaveLength(1);
  });
});
