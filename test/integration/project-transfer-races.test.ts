import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProjectTree } from "@/lib/factories/transfer";
import { transferMessages } from "@/lib/projects/transfer";
import { type Clients, openClients } from "./support/clients";
import { makeDestination, orgIdsOfProject, transferAs } from "./support/project-transfer";
import { useTestDatabase } from "./support/test-database";

// Issue 6 (6), "one transaction": transfers racing each other on separate PostgreSQL connections.
// The same project sent to two organizations at once lands in exactly one, whole; transfers in
// opposite directions between two organizations (each locking both) never deadlock. Repeated.

const t = useTestDatabase();
const rounds = 8;
let clients: Clients;

beforeAll(async () => {
  clients = await openClients(t.url, 8);
});
afterAll(async () => {
  await clients?.close();
});
beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no transfer failed with an unexpected error (a deadlock would)").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

const envs = [
  { name: "production", mode: "production" as const },
  { name: "staging", mode: "staging" as const },
  { name: "preview-1", mode: "preview" as const },
];

describe("racing transfers", () => {
  it("the same project sent to two organizations at once ends whole in exactly one of them", async () => {
    for (let round = 0; round < rounds; round++) {
      const admin = await makeUser(t.db);
      const source = await makeTeamOrg(t.db, admin);
      const cluster = await makeCluster(t.db, source, { isDefault: true });
      const { project } = await makeProjectTree(t.db, source, cluster.id, { name: "Shop", environments: envs, rules: [{ pattern: "*", mode: "development" }] });
      const destinations = [await makeDestination(t.db), await makeDestination(t.db)];
      for (const d of destinations) await addMember(t.db, d.org, admin, "admin");

      const results = await Promise.all(
        destinations.map((d, i) => transferAs(clients.dbs[i], admin, source, { projectId: project.id, destinationSlug: d.org.slug, confirmName: "Shop" })),
      );

      const won = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      const lost = results[1 - won[0]];
      expect(lost).toMatchObject({ ok: false, formError: transferMessages.projectMissing });
      const winner = destinations[won[0]].org.id;
      expect(await orgIdsOfProject(t.db, project.id)).toEqual({ project: [winner], environments: [winner], applications: [winner], databases: [winner], rules: [] });
      const transfers = await t.db
        .select({ orgId: auditEvents.orgId, action: auditEvents.action })
        .from(auditEvents)
        .where(and(inArray(auditEvents.action, ["project.transfer_out", "project.transfer_in"]), eq(auditEvents.targetId, project.id)));
      expect(transfers.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
        { orgId: winner, action: "project.transfer_in" },
        { orgId: source.id, action: "project.transfer_out" },
      ]);
    }
  });

  it("transfers in opposite directions between two organizations all finish, without a deadlock", async () => {
    for (let round = 0; round < rounds; round++) {
      const admin = await makeUser(t.db);
      const a = await makeTeamOrg(t.db, admin, { plan: "enterprise" });
      const b = await makeTeamOrg(t.db, admin, { plan: "enterprise" });
      const clusterA = await makeCluster(t.db, a, { isDefault: true });
      const clusterB = await makeCluster(t.db, b, { isDefault: true });
      // Four projects each way, all at once: every transaction locks both organizations.
      const fromA = await Promise.all([0, 1, 2, 3].map((i) => makeProjectTree(t.db, a, clusterA.id, { name: `A${i}`, environments: envs })));
      const fromB = await Promise.all([0, 1, 2, 3].map((i) => makeProjectTree(t.db, b, clusterB.id, { name: `B${i}`, environments: envs })));
      const moves = [
        ...fromA.map((m, i) => ({ made: m, from: a, to: b, name: `A${i}` })),
        ...fromB.map((m, i) => ({ made: m, from: b, to: a, name: `B${i}` })),
      ];
      // Interleave the directions, differently each round.
      const order = moves.map((move, i) => ({ move, sort: (i * 7 + round * 3) % moves.length })).sort((x, y) => x.sort - y.sort);

      const results = await Promise.all(
        order.map(({ move }, i) => transferAs(clients.dbs[i], admin, move.from, { projectId: move.made.project.id, destinationSlug: move.to.slug, confirmName: move.name })),
      );

      expect(results.map((result) => result.ok), `round ${round}`).toEqual(order.map(() => true));
      for (const { move } of order) {
        const to = move.to.id;
        expect(await orgIdsOfProject(t.db, move.made.project.id)).toEqual({ project: [to], environments: [to], applications: [to], databases: [to], rules: [] });
      }
    }
  });
});
