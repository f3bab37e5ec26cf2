import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { invitations, users, type User } from "@/db/schema";
import { messages } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import { addMember, makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { acceptInvitation, declineInvitation, findInvitationByToken } from "@/lib/invitations/respond";
import { switcherOffers } from "@/lib/pages/switcher-offers";
import { invitationToken } from "@/lib/invitations/token";
import { auditBreakerName, installAuditBreaker } from "./support/audit-breaker";
import { act, invitationsOf, roleOf, snapshotMembership, tokenOf } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 3, answering an invitation (/invitations/[token]): only the invited email accepts, at most
// once; every other state is refused with its reason, and every answer is audited.

const t = useTestDatabase();
const noLongerPending = "This invitation is no longer pending: it was already answered, revoked, or has expired.";

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const invitee = (user: User) => ({ id: user.id, name: user.name, email: user.email });

/** An organization with a pending invitation, as Developer, for a user who has signed up. */
async function invited(options: { typed?: (email: string) => string } = {}) {
  const { org, users: people } = await makeOrgWithEveryRole(t.db);
  const guest = await makeUser(t.db, { email: `guest-${uniqueTag()}@example.test`, name: "Gina Guest" });
  const typed = options.typed ? options.typed(guest.email) : guest.email;
  expect(await act(t.db, "invite", people.admin, org, { emails: typed, role: "developer" })).toMatchObject({ ok: true });
  const [invitation] = await invitationsOf(t.db, org.id);
  return { org, people, guest, invitation, token: tokenOf(invitation) };
}

describe("the invitation page's lookup", () => {
  it("shows the organization, who invited, the role and the state", async () => {
    const { org, people, guest, invitation, token } = await invited();
    expect(await findInvitationByToken(t.db, token)).toStrictEqual({
      id: invitation.id,
      email: guest.email,
      role: "developer",
      state: "pending",
      expiresAt: invitation.expiresAt,
      org: { id: org.id, slug: org.slug, name: org.name },
      inviterName: people.admin.name,
    });
  });

  it("finds nothing for an unknown, altered or malformed token", async () => {
    const { token } = await invited();
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of [altered, invitationToken(crypto.randomUUID(), "nonce"), "short", "../../etc/passwd", `${token}!`, ""]) {
      expect(await findInvitationByToken(t.db, wrong)).toBeNull();
    }
    const guest = await makeUser(t.db);
    expect(await acceptInvitation(t.db, invitee(guest), altered)).toMatchObject({ ok: false, reason: "not-found" });
  });
});

describe("accepting", () => {
  it("creates the membership with the invited role, lands the user in the organization, and is audited", async () => {
    const { org, guest, invitation, token } = await invited();
    const before = await snapshotMembership(t.db, org.id);
    expect(await acceptInvitation(t.db, invitee(guest), token)).toStrictEqual({ ok: true, orgSlug: org.slug, orgName: org.name });

    expect(await roleOf(t.db, org, guest)).toBe("developer");
    const [user] = await t.db.select().from(users).where(eq(users.id, guest.id));
    expect(user.lastActiveOrgId).toBe(org.id);
    const [accepted] = await invitationsOf(t.db, org.id);
    expect(accepted).toMatchObject({ id: invitation.id, status: "accepted" });
    expect(accepted.respondedAt).toBeInstanceOf(Date);
    const after = await snapshotMembership(t.db, org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ action: "invitation.accept", actorId: guest.id, targetId: invitation.id, after: { role: "developer" } });
    // The new member's very next request sees the role.
    const access = await authorize(t.db, { userId: guest.id, slug: org.slug, permission: "project.create" });
    expect(access.ok).toBe(true);
  });

  it("matches the invited email whatever its case, on either side", async () => {
    const { org, guest, token } = await invited({ typed: (email) => email.toUpperCase() });
    const [row] = await invitationsOf(t.db, org.id);
    expect(row.email).toBe(guest.email);
    expect(await acceptInvitation(t.db, { ...invitee(guest), email: guest.email.toUpperCase() }, token)).toMatchObject({ ok: true });
    expect(await roleOf(t.db, org, guest)).toBe("developer");
  });

  it("refuses someone signed in with another email, naming the invited one", async () => {
    const { org, guest, token } = await invited();
    const other = await makeUser(t.db);
    const before = await snapshotMembership(t.db, org.id);
    for (const answer of [acceptInvitation, declineInvitation]) {
      expect(await answer(t.db, invitee(other), token)).toStrictEqual({
        ok: false,
        reason: "wrong-account",
        message: `This invitation is for ${guest.email}. Sign in with that email to answer it.`,
      });
    }
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });

  it("lists the user's pending invitations for the switcher's Join, until answered", async () => {
    const { org, guest, invitation, token } = await invited();
    const listed = (await switcherOffers(t.db, { id: guest.id, email: guest.email.toUpperCase() })).invitations;
    expect(listed).toEqual([{ id: invitation.id, orgName: org.name, role: "developer", tokenNonce: invitation.tokenNonce }]);
    expect(invitationToken(listed[0].id, listed[0].tokenNonce)).toBe(token);
    await acceptInvitation(t.db, invitee(guest), token);
    expect(await switcherOffers(t.db, guest)).toEqual({ invitations: [], joinable: [] });
  });

  it("lists several invitations newest first, and not one from an organization the user is already in", async () => {
    const { org: older, guest } = await invited();
    const { org: newer, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "invite", people.admin, newer, { emails: guest.email, role: "viewer" })).toMatchObject({ ok: true });
    await t.db.update(invitations).set({ createdAt: sql`now() - interval '1 day'` }).where(eq(invitations.orgId, older.id));
    expect((await switcherOffers(t.db, guest)).invitations.map((invitation) => invitation.orgName)).toEqual([newer.name, older.name]);
    await addMember(t.db, newer, guest, "developer");
    expect((await switcherOffers(t.db, guest)).invitations.map((invitation) => invitation.orgName)).toEqual([older.name]);
  });
});

describe("declining", () => {
  it("answers without a membership, audited, and frees the address", async () => {
    const { org, people, guest, invitation, token } = await invited();
    expect(await declineInvitation(t.db, invitee(guest), token)).toStrictEqual({ ok: true, orgSlug: org.slug, orgName: org.name });
    expect(await roleOf(t.db, org, guest)).toBeNull();
    const [row] = await invitationsOf(t.db, org.id);
    expect(row).toMatchObject({ id: invitation.id, status: "declined" });
    const [event] = (await snapshotMembership(t.db, org.id)).audit.slice(-1);
    expect(event).toMatchObject({ action: "invitation.decline", actorId: guest.id, targetId: invitation.id });
    expect(await act(t.db, "invite", people.admin, org, { emails: guest.email, role: "viewer" })).toMatchObject({ ok: true });
  });
});

describe("an invitation no longer pending is refused, with its reason", () => {
  const setups = {
    accepted: async (x: Awaited<ReturnType<typeof invited>>) => void (await acceptInvitation(t.db, invitee(x.guest), x.token)),
    declined: async (x: Awaited<ReturnType<typeof invited>>) => void (await declineInvitation(t.db, invitee(x.guest), x.token)),
    revoked: async (x: Awaited<ReturnType<typeof invited>>) => void (await act(t.db, "revoke", x.people.admin, x.org, { invitationId: x.invitation.id })),
    // Past its date but not yet marked: the page and the answer still treat it as expired.
    expired: async (x: Awaited<ReturnType<typeof invited>>) =>
      void (await t.db.update(invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(invitations.id, x.invitation.id))),
  } as const;

  it.each(Object.keys(setups) as (keyof typeof setups)[])("%s", async (state) => {
    const setup = await invited();
    await setups[state](setup);
    expect(await findInvitationByToken(t.db, setup.token)).toMatchObject({ state });
    const before = await snapshotMembership(t.db, setup.org.id);
    for (const answer of [acceptInvitation, declineInvitation]) {
      expect(await answer(t.db, invitee(setup.guest), setup.token)).toStrictEqual({ ok: false, reason: "no-longer-pending", message: noLongerPending });
    }
    expect(await snapshotMembership(t.db, setup.org.id)).toEqual(before);
    expect(await roleOf(t.db, setup.org, setup.guest)).toBe(state === "accepted" ? "developer" : null);
  });

  it("expired, once marked by a later invitation, says so too", async () => {
    const setup = await invited();
    await setups.expired(setup);
    // Any invitation in the organization marks the overdue ones.
    expect(await act(t.db, "invite", setup.people.admin, setup.org, { emails: `other-${uniqueTag()}@example.test`, role: "viewer" })).toMatchObject({ ok: true });
    const rows = await invitationsOf(t.db, setup.org.id);
    expect(rows.find((row) => row.id === setup.invitation.id)?.status).toBe("expired");
    expect(await findInvitationByToken(t.db, setup.token)).toMatchObject({ state: "expired" });
    expect(await acceptInvitation(t.db, invitee(setup.guest), setup.token)).toMatchObject({ ok: false, reason: "no-longer-pending" });
  });
});

describe("every invitation change writes its audit event in the same transaction", () => {
  it("a refused audit event undoes the invitation, resend, revoke, accept and decline", async () => {
    await installAuditBreaker(t.db);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { org, invitation, token, guest } = await invited();
    const breaker = await makeUser(t.db, { name: `${auditBreakerName} ${uniqueTag()}` });
    await addMember(t.db, org, breaker, "admin");

    for (const [name, input] of [
      ["invite", { emails: `more-${uniqueTag()}@example.test`, role: "viewer" }],
      ["resend", { invitationId: invitation.id }],
      ["revoke", { invitationId: invitation.id }],
    ] as const) {
      const before = await snapshotMembership(t.db, org.id);
      expect(await act(t.db, name, breaker, org, input)).toMatchObject({ ok: false, formError: messages.unexpected });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    }

    // The breaker answers an invitation of their own.
    const { org: second, users: others } = await makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "invite", others.admin, second, { emails: breaker.email, role: "viewer" })).toMatchObject({ ok: true });
    const [forBreaker] = await invitationsOf(t.db, second.id);
    for (const answer of [acceptInvitation, declineInvitation]) {
      const before = await snapshotMembership(t.db, second.id);
      await expect(answer(t.db, invitee(breaker), tokenOf(forBreaker))).rejects.toThrow();
      expect(await snapshotMembership(t.db, second.id)).toEqual(before);
    }
    const [user] = await t.db.select().from(users).where(eq(users.id, breaker.id));
    expect(user.lastActiveOrgId).not.toBe(second.id);
    // The untouched guest can still accept the original invitation.
    expect(await acceptInvitation(t.db, invitee(guest), token)).toMatchObject({ ok: true });
  });
});
