import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, memberships, type User } from "@/db/schema";
import { messages } from "@/lib/actions/run-action";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { acceptInvitation, declineInvitation, type RespondResult } from "@/lib/invitations/respond";
import { seatUsage } from "@/lib/members/queries";
import { useRaceClients } from "./support/clients";
import { act, invitationsOf, tokenOf } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 3, "Must hold": an invitation is accepted at most once, and seats are never overshot,
// with every request on its own PostgreSQL connection, repeated (rounds loop inside each test,
// hence the long timeouts on a busy machine).

const t = useTestDatabase();
const rounds = 5;
const race = useRaceClients(t, 20);

const db = race.db;
const address = (name: string) => `${name}-${uniqueTag()}@example.test`;
const invitee = (user: User) => ({ id: user.id, name: user.name, email: user.email });

async function invitedGuest() {
  const owner = await makeUser(t.db);
  const org = await makeTeamOrg(t.db, owner, { plan: "business" });
  const admin = await makeUser(t.db);
  await addMember(t.db, org, admin, "admin");
  const guest = await makeUser(t.db, { email: address("guest") });
  expect(await act(t.db, "invite", admin, org, { emails: guest.email, role: "viewer" })).toMatchObject({ ok: true });
  const [invitation] = await invitationsOf(t.db, org.id);
  return { org, admin, guest, invitation, token: tokenOf(invitation) };
}

async function auditCount(orgId: string, actions: string[]) {
  return t.db.$count(auditEvents, and(eq(auditEvents.orgId, orgId), inArray(auditEvents.action, actions)));
}

describe("accepting at most once", () => {
  it("20 concurrent accepts of one token make exactly one membership", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, guest, invitation, token } = await invitedGuest();
      const results: RespondResult[] = await Promise.all(Array.from({ length: 20 }, (_, i) => acceptInvitation(db(i), invitee(guest), token)));

      expect(results.filter((result) => result.ok)).toEqual([{ ok: true, orgSlug: org.slug, orgName: org.name }]);
      const refused = results.filter((result) => !result.ok);
      expect(refused).toHaveLength(19);
      for (const result of refused) expect(result).toMatchObject({ ok: false, reason: "no-longer-pending" });

      expect(await t.db.$count(memberships, and(eq(memberships.orgId, org.id), eq(memberships.userId, guest.id)))).toBe(1);
      const rows = await invitationsOf(t.db, org.id);
      expect(rows.map((row) => [row.id, row.status])).toEqual([[invitation.id, "accepted"]]);
      expect(await auditCount(org.id, ["invitation.accept"])).toBe(1);
    }
  }, 120_000);

  it("accepts, declines, revokes and resends at once: one answer wins, and the rows agree with it", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, admin, guest, invitation, token } = await invitedGuest();
      const calls: Promise<{ kind: string; ok: boolean }>[] = Array.from({ length: 20 }, (_, i) => {
        const kind = ["accept", "decline", "accept", "decline", "revoke", "accept", "resend", "decline", "accept", "revoke"][i % 10];
        const run =
          kind === "accept"
            ? acceptInvitation(db(i), invitee(guest), token)
            : kind === "decline"
              ? declineInvitation(db(i), invitee(guest), token)
              : act(db(i), kind as "revoke" | "resend", admin, org, { invitationId: invitation.id });
        return run.then((result) => {
          if (!result.ok && "formError" in result) expect(result.formError).not.toBe(messages.unexpected);
          return { kind, ok: result.ok };
        });
      });
      const results = await Promise.all(calls);
      const winners = results.filter((result) => result.ok && result.kind !== "resend");
      expect(winners).toHaveLength(1);

      const [row] = await invitationsOf(t.db, org.id);
      const status = { accept: "accepted", decline: "declined", revoke: "revoked" }[winners[0].kind];
      expect(row.status).toBe(status);
      const member = await t.db.$count(memberships, and(eq(memberships.orgId, org.id), eq(memberships.userId, guest.id)));
      expect(member).toBe(status === "accepted" ? 1 : 0);
      expect(await auditCount(org.id, ["invitation.accept", "invitation.decline", "invitation.revoke"])).toBe(1);
      const resends = results.filter((result) => result.ok && result.kind === "resend").length;
      expect(await auditCount(org.id, ["invitation.resend"])).toBe(resends);
      expect(row.resentCount).toBe(resends);
    }
  }, 120_000);
});

describe("seats under concurrent invitations", () => {
  /** A Professional organization (25 seats) with `admins` admins and exactly `left` seats left. */
  async function nearlyFull(admins: number, left: number) {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "professional" });
    const team = await Promise.all(
      Array.from({ length: admins }, async () => {
        const admin = await makeUser(t.db);
        await addMember(t.db, org, admin, "admin");
        return admin;
      }),
    );
    const pending = 25 - 1 - admins - left;
    const emails = Array.from({ length: pending }, () => address("pending")).join(",");
    expect(await act(t.db, "invite", owner, org, { emails, role: "viewer" })).toMatchObject({ ok: true });
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 1 + admins, pending });
    return { org, team };
  }

  it.each([
    { admins: 2, left: 1 },
    { admins: 10, left: 1 },
    { admins: 10, left: 3 },
  ])("$admins admins inviting at once with $left seat(s) left: $left succeed, the seat count is never exceeded", async ({ admins, left }) => {
    for (let round = 0; round < rounds; round++) {
      const { org, team } = await nearlyFull(admins, left);
      const results = await Promise.all(team.map((admin, i) => act(db(i), "invite", admin, org, { emails: address(`by-${i}`), role: "viewer" })));
      expect(results.filter((result) => result.ok)).toHaveLength(left);
      for (const result of results.filter((r) => !r.ok)) {
        expect(result).toMatchObject({ ok: false, fieldErrors: { emails: expect.stringMatching(/^The Professional plan allows 25 members, pending invitations included\. 25 seats are used, so you can invite 0 more\.$/) } });
      }
      const usage = await seatUsage(t.db, org.id);
      expect(usage.members + usage.pending).toBe(25);
    }
  }, 120_000);

  it("admins inviting the same address at once make one pending invitation", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, team } = await nearlyFull(10, 5);
      const same = address("same");
      const results = await Promise.all(team.map((admin, i) => act(db(i), "invite", admin, org, { emails: i % 2 ? same.toUpperCase() : same, role: "developer" })));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      for (const result of results.filter((r) => !r.ok)) {
        expect(result).toMatchObject({ fieldErrors: { emails: `${same} is already invited: resend the invitation from Pending invitations instead.` } });
      }
      expect((await invitationsOf(t.db, org.id)).filter((row) => row.email === same)).toHaveLength(1);
    }
  }, 120_000);
});
