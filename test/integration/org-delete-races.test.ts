import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { acceptInvitation } from "@/lib/invitations/respond";
import { deleteOrganization } from "@/lib/orgs/actions";
import { useRaceClients } from "./support/clients";
import { orgWithCrowd } from "./support/org-crowd";
import { act, invitationsOf, tokenOf } from "./support/member-actions";
import { rowsReferencing } from "./support/org-rows";
import { useTestDatabase } from "./support/test-database";

// Issue 5, "Must hold": requests that race the organization's deletion (invitations being accepted,
// role changes, new invitations, members leaving) either finish before it or fail cleanly, and
// none leaves a row behind. Every request runs on its own PostgreSQL connection; repeated.

const t = useTestDatabase();
const rounds = 6;
const race = useRaceClients(t, 24);

type Outcome = { ok: boolean; message?: string; formError?: string; reason?: string };
type Request = (db: Db) => Promise<Outcome>;

describe("deleting while others write", () => {
  it("every racing request finishes first or fails cleanly, and nothing of the organization survives", async () => {
    for (let round = 0; round < rounds; round++) {
      const c = await orgWithCrowd(t.db, { admins: 4, developers: 6, guests: 6 });
      const { org } = c;
      const racing: Request[] = [
        ...c.guests.map((guest): Request => (db) => acceptInvitation(db, guest, c.tokens.get(guest.email.toLowerCase()) ?? "")),
        ...c.developers.slice(0, 4).map((dev, i): Request => (db) => act(db, "changeRole", c.admins[i], org, { userId: dev.id, role: "viewer" })),
        ...c.developers.slice(4).map((dev): Request => (db) => act(db, "leave", dev, org)),
        ...c.admins.slice(1).map((admin): Request => (db) => act(db, "invite", admin, org, { emails: `late-${uniqueTag()}@example.test`, role: "viewer" })),
      ];
      const deletion: Request = (db) =>
        runOrgAction(deleteOrganization, { db, userId: c.owner.id, slug: org.slug, input: { confirmSlug: org.slug } });
      // The deletion starts somewhere in the crowd, a different place each round.
      const order = [...racing];
      const at = (round * 5) % (racing.length + 1);
      order.splice(at, 0, deletion);

      // Each request on its own connection, all at once.
      const results = await Promise.all(order.map((request, i) => request(race.dbs()[i])));

      expect(results[at], "the deletion itself").toMatchObject({ ok: true });
      for (const result of results) {
        if (result.ok) continue;
        // A clean refusal says something a person can act on; it is never the "something went wrong" of an unexpected error.
        expect(result.formError ?? result.message).toMatch(/deleted|no longer|not a member|does not exist|changed meanwhile/i);
      }
      const left = await rowsReferencing(t.db, org.id);
      expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    }
  }, 180_000);
});
