import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invitations, organizations, type Organization } from "@/db/schema";
import { addMember, makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { inviteMembers } from "@/lib/invitations/invite";
import { pendingInvitationLink } from "@/lib/invitations/pending-invitations";
import { acceptInvitation } from "@/lib/invitations/respond";
import { invitationValidityDays } from "@/lib/invitations/token";
import { act, contextOf, invitationsOf, snapshotMembership, testAppUrl, tokenOf } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 3, inviting and managing invitations, through the action door. Accepting and declining
// are in invitations-respond.test.ts, seat limits in invitations-seats.test.ts, mail delivery
// over SMTP in mail.test.ts.

const t = useTestDatabase();
const day = 24 * 60 * 60 * 1000;
const gone = "This invitation is no longer pending: it was accepted, declined, revoked or has expired.";

let logged: string[] = [];
beforeEach(() => {
  // Without SMTP_URL every email is printed to the log instead: keep it, it holds the link.
  logged = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  return () => vi.restoreAllMocks();
});

const address = (name = "invitee") => `${name}-${uniqueTag()}@example.test`;

async function expectRefused(org: Organization, run: () => ReturnType<typeof act>, expected: Record<string, unknown>) {
  const before = await snapshotMembership(t.db, org.id);
  const result = await run();
  expect(result).toMatchObject({ ok: false, ...expected });
  expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  expect(logged, "no email goes out for a refused invitation").toEqual([]);
}

async function expire(invitationId: string) {
  await t.db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.id, invitationId));
}

describe("inviting", () => {
  it("invites several addresses at once: lowercased, deduplicated, each a pending row with a hashed token and 7 days", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const [ann, bob] = [address("Ann"), address("bob")];
    const started = Date.now();
    const result = await act(t.db, "invite", people.admin, org, { emails: `${ann.toUpperCase()}, ${bob}\n${ann}; ${bob.toUpperCase()}`, role: "developer" });
    const finished = Date.now();
    expect(result).toStrictEqual({ ok: true, message: "Invited 2 people as Developer." });

    const rows = await invitationsOf(t.db, org.id);
    expect(rows.map((row) => row.email).sort()).toEqual([ann.toLowerCase(), bob.toLowerCase()].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ role: "developer", status: "pending", invitedBy: people.admin.id, resentCount: 0, respondedAt: null });
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      const token = tokenOf(row);
      expect(token.length).toBeGreaterThanOrEqual(43);
      expect(JSON.stringify(row), "the token itself is never stored").not.toContain(token);
      expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(started + invitationValidityDays * day - 1000);
      expect(row.expiresAt.getTime()).toBeLessThanOrEqual(finished + invitationValidityDays * day + 1000);
      // Printed to the log (no SMTP_URL here), with the working link.
      expect(logged.filter((entry) => entry.includes(`To: ${row.email}`) && entry.includes(`${testAppUrl}/invitations/${token}`))).toHaveLength(1);
    }
    const audit = (await snapshotMembership(t.db, org.id)).audit.filter((event) => event.action === "invitation.create");
    expect(audit.map((event) => event.targetId).sort()).toEqual(rows.map((row) => row.id).sort());
    for (const event of audit) expect(event).toMatchObject({ actorId: people.admin.id, targetType: "invitation", after: { role: "developer" } });
  });

  it("stores addresses lowercased and once even when called without the form's parsing", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const guest = await makeUser(t.db);
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    const typed = guest.email.replace(/^./, (c) => c.toUpperCase()).replace("@example.test", "@EXAMPLE.test");
    const result = await inviteMembers(t.db, ctx, { emails: [` ${typed} `, guest.email], role: "viewer", appUrl: testAppUrl });
    expect(result).toStrictEqual({ ok: true, message: `Invited ${guest.email} as Viewer.` });
    const rows = await invitationsOf(t.db, org.id);
    expect(rows.map((row) => row.email)).toEqual([guest.email]);
    expect(await acceptInvitation(t.db, { id: guest.id, name: guest.name, email: guest.email }, tokenOf(rows[0]))).toMatchObject({ ok: true });
  });

  it("names the one address invited", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const one = address();
    expect(await act(t.db, "invite", people.owner, org, { emails: one, role: "admin" })).toStrictEqual({ ok: true, message: `Invited ${one} as Admin.` });
  });

  it("refuses the whole list when an address is invalid, naming each one", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await expectRefused(org, () => act(t.db, "invite", people.admin, org, { emails: `${address()}, not-an-email, @nope.test`, role: "viewer" }), {
      fieldErrors: { emails: "Not a valid email address: not-an-email, @nope.test." },
    });
  });

  it("refuses the whole list when an address is a member or already invited, naming each one", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const invited = address("invited");
    expect(await act(t.db, "invite", people.admin, org, { emails: invited, role: "viewer" })).toMatchObject({ ok: true });
    logged = [];
    const before = await snapshotMembership(t.db, org.id);
    const refused = await act(t.db, "invite", people.admin, org, {
      emails: `${address("fresh")}, ${people.developer.email.toUpperCase()}, ${invited.toUpperCase()}`,
      role: "viewer",
    });
    expect(refused.ok).toBe(false);
    const message = refused.ok ? "" : (refused.fieldErrors?.emails ?? "");
    expect(message).toContain(`${people.developer.email} is already a member.`);
    expect(message).toContain(`${invited} is already invited: resend the invitation from Pending invitations instead.`);
    expect(message).not.toContain("fresh-");
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it("asks for at least one address, and at most 50", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "enterprise" });
    await expectRefused(org, () => act(t.db, "invite", people.admin, org, { emails: " ,\n ", role: "viewer" }), {
      fieldErrors: { emails: "Enter at least one email address." },
    });
    const many = Array.from({ length: 51 }, () => address()).join("\n");
    await expectRefused(org, () => act(t.db, "invite", people.admin, org, { emails: many, role: "viewer" }), {
      fieldErrors: { emails: "Invite at most 50 addresses at once." },
    });
  });

  it("never invites as Owner", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await expectRefused(org, () => act(t.db, "invite", people.owner, org, { emails: address(), role: "owner" }), {
      fieldErrors: { role: "Choose Admin, Developer or Viewer." },
    });
  });

  it("refuses a personal organization, explaining why", async () => {
    const user = await makeUser(t.db);
    const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
    await expectRefused(personal, () => act(t.db, "invite", user, personal, { emails: address(), role: "viewer" }), {
      formError: "A personal organization cannot have members. Create a team organization to work with others.",
    });
  });
});

describe("managing pending invitations", () => {
  async function invitedOrg() {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "invite", people.admin, org, { emails: address(), role: "developer" })).toMatchObject({ ok: true });
    const [invitation] = await invitationsOf(t.db, org.id);
    logged = [];
    return { org, people, invitation };
  }

  it("resend keeps the same invitation and link, extends its expiry and counts the resend", async () => {
    const { org, people, invitation } = await invitedOrg();
    await t.db.update(invitations).set({ expiresAt: sql`now() + interval '1 hour'`, lastSentAt: sql`now() - interval '1 day'` }).where(eq(invitations.id, invitation.id));
    const started = Date.now();
    expect(await act(t.db, "resend", people.owner, org, { invitationId: invitation.id })).toStrictEqual({ ok: true, message: `Invitation sent again to ${invitation.email}.` });
    expect(await act(t.db, "resend", people.admin, org, { invitationId: invitation.id })).toMatchObject({ ok: true });

    const rows = await invitationsOf(t.db, org.id);
    expect(rows).toHaveLength(1);
    const [again] = rows;
    expect(again).toMatchObject({ id: invitation.id, status: "pending", resentCount: 2, tokenHash: invitation.tokenHash, tokenNonce: invitation.tokenNonce });
    expect(again.expiresAt.getTime()).toBeGreaterThanOrEqual(started + invitationValidityDays * day - 1000);
    expect(again.lastSentAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    const link = `${testAppUrl}/invitations/${tokenOf(invitation)}`;
    expect(logged.filter((entry) => entry.includes(link))).toHaveLength(2);
    const audit = (await snapshotMembership(t.db, org.id)).audit.filter((event) => event.action === "invitation.resend");
    expect(audit.map((event) => [event.actorId, event.targetId, (event.after as { resentCount: number }).resentCount])).toEqual([
      [people.owner.id, invitation.id, 1],
      [people.admin.id, invitation.id, 2],
    ]);
  });

  it("revoke makes the link unusable, and is said to be gone afterwards", async () => {
    const { org, people, invitation } = await invitedOrg();
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    expect(await pendingInvitationLink(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl })).toBe(`${testAppUrl}/invitations/${tokenOf(invitation)}`);

    expect(await act(t.db, "revoke", people.admin, org, { invitationId: invitation.id })).toStrictEqual({ ok: true, message: `The invitation for ${invitation.email} was revoked.` });
    const [revoked] = await invitationsOf(t.db, org.id);
    expect(revoked.status).toBe("revoked");
    expect(revoked.respondedAt).toBeInstanceOf(Date);
    expect(await pendingInvitationLink(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl })).toBeNull();
    const [event] = (await snapshotMembership(t.db, org.id)).audit.slice(-1);
    expect(event).toMatchObject({ action: "invitation.revoke", actorId: people.admin.id, targetId: invitation.id, before: { email: invitation.email, role: "developer" } });

    for (const name of ["revoke", "resend"] as const) {
      await expectRefused(org, () => act(t.db, name, people.owner, org, { invitationId: invitation.id }), { formError: gone });
    }
  });

  it("an expired invitation has no link to copy", async () => {
    const { org, people, invitation } = await invitedOrg();
    await expire(invitation.id);
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    expect(await pendingInvitationLink(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl })).toBeNull();
  });

  it("another organization's invitation cannot be resent, revoked or linked through this one", async () => {
    const { org: theirs, invitation } = await invitedOrg();
    const { org: ours, users: people } = await makeOrgWithEveryRole(t.db);
    // Ours' admin is an admin of theirs too: the organization in the URL is the one that counts.
    await addMember(t.db, theirs, people.admin, "admin");
    const theirsBefore = await snapshotMembership(t.db, theirs.id);
    for (const actor of [people.owner, people.admin]) {
      for (const name of ["resend", "revoke"] as const) {
        await expectRefused(ours, () => act(t.db, name, actor, ours, { invitationId: invitation.id }), { formError: gone });
      }
      const ctx = await contextOf(t.db, actor, ours, "member.invite");
      expect(await pendingInvitationLink(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl })).toBeNull();
    }
    expect(await snapshotMembership(t.db, theirs.id)).toEqual(theirsBefore);
    // Through its own organization, the same admin may revoke it.
    expect(await act(t.db, "revoke", people.admin, theirs, { invitationId: invitation.id })).toMatchObject({ ok: true });
  });
});
