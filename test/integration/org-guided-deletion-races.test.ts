import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { clusterJobs, organizations, type User } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { claimJob, runJob } from "@/lib/clusters/jobs";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject } from "@/lib/factories/projects";
import { acceptInvitation } from "@/lib/invitations/respond";
import { deleteOrganization } from "@/lib/orgs/actions";
import { instantEngine } from "./support/cluster-actions";
import { useRaceClients } from "./support/clients";
import { orgWithCrowd } from "./support/org-crowd";
import { act, invitationsOf, tokenOf } from "./support/member-actions";
import { rowsReferencing } from "./support/org-rows";
import { useTestDatabase } from "./support/test-database";

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

// Issue 15, part 3: the guided deletion under concurrency. Requests racing its start either commit
// before it or are refused cleanly (the organization is read-only from the moment it starts), the
// teardowns run on several runners at once, and exactly one of them deletes the organization,
// leaving no row behind.

const t = useTestDatabase();
const rounds = 4;
const race = useRaceClients(t, 24);

async function orgWithClustersAndCrowd() {
  const crowd = await orgWithCrowd(t.db, { admins: 4, developers: 4, guests: 6 });
  const { org } = crowd;
  const project = await makeProject(t.db, org);
  for (let i = 0; i < 4; i++) {
    const cluster = await makeCluster(t.db, org, { status: i % 2 === 0 ? "running" : "stopped" });
    await makeEnvironment(t.db, project, cluster);
  }
  return crowd;
}

type Outcome = { ok: boolean; message?: string; formError?: string };
type Request = (db: Db) => Promise<Outcome>;

describe("the guided deletion while others write", () => {
  it("racing requests commit first or are refused cleanly; concurrent runners delete the organization once, leaving nothing", async () => {
    for (let round = 0; round < rounds; round++) {
      const c = await orgWithClustersAndCrowd();
      const { org } = c;
      const racing: Request[] = [
        ...c.guests.map((guest): Request => (db) => acceptInvitation(db, guest, c.tokens.get(guest.email.toLowerCase()) ?? "")),
        ...c.developers.map((dev, i): Request => (db) => act(db, "changeRole", c.admins[i], org, { userId: dev.id, role: "viewer" })),
        ...c.admins.slice(1).map((admin): Request => (db) => act(db, "invite", admin, org, { emails: `late-${uniqueTag()}@example.test`, role: "viewer" })),
      ];
      const deletion: Request = (db) => runOrgAction(deleteOrganization, { db, userId: c.owner.id, slug: org.slug, input: { confirmSlug: org.slug } });
      const order = [...racing];
      const at = (round * 5) % (racing.length + 1);
      order.splice(at, 0, deletion);

      const results = await Promise.all(order.map((request, i) => request(race.dbs()[i])));
      expect(results[at], "the deletion itself").toMatchObject({ ok: true, message: expect.stringContaining("is being deleted") });
      for (const result of results) {
        if (result.ok) continue;
        expect(result.formError ?? result.message).toMatch(/being deleted|read-only|no longer|changed meanwhile/i);
      }

      // Four teardowns on four runners (each its own connection) at once.
      const runners = race.dbs().slice(0, 4);
      await Promise.all(
        runners.map(async (db, i) => {
          for (let job = await claimJob(db, `runner-${i}`); job; job = await claimJob(db, `runner-${i}`)) await runJob(db, instantEngine, job, `runner-${i}`);
        }),
      );
      expect(await t.db.select().from(organizations).where(eq(organizations.id, org.id))).toEqual([]);
      expect(await t.db.select().from(clusterJobs).where(eq(clusterJobs.orgId, org.id))).toEqual([]);
      expect(Object.entries(await rowsReferencing(t.db, org.id)).filter(([, n]) => n > 0)).toEqual([]);
    }
  }, 180_000);
});
