import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { organizations, users } from "@/db/schema";
import { addMember, makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { inviteMembers } from "@/lib/invitations/invite";
import { resendInvitation } from "@/lib/invitations/pending-invitations";
import { createTeamOrganization } from "@/lib/orgs/create";
import { orgCreationLimit, type RateLimitSettings, rateLimitSettings } from "@/lib/rate-limit/limits";
import { consumeSignInAttempt } from "@/lib/rate-limit/sign-in-attempts";
import { type Clients, openClients } from "./support/clients";
import { contextOf, invitationsOf, snapshotMembership, testAppUrl } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Each limit of issue 13 where the console enforces it, with the limits set low and the clock
// passed in: refused at N+1 with a message that says what is left and when, nothing else
// written by the refusal, windows that roll over, and parallel requests that never pass it.

const t = useTestDatabase();
const hour = 60 * 60 * 1000;
const start = new Date("2030-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const low = (overrides: Partial<RateLimitSettings>): RateLimitSettings => ({ ...rateLimitSettings, ...overrides });
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `guest-${i}-${uniqueTag()}@example.test`);

let clients: Clients;
beforeAll(async () => {
  clients = await openClients(t.url, 10);
});
afterAll(() => clients.close());
beforeEach(() => {
  // Without SMTP_URL every email is printed to the log instead.
  vi.spyOn(console, "log").mockImplementation(() => {});
  return () => vi.restoreAllMocks();
});

describe("invitations per inviter and per organization", () => {
  it("refuses a batch larger than what is left, whole, saying how many remain and when more can be sent", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    const limits = { settings: low({ RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR: 5 }), now: at(0) };
    expect(await inviteMembers(t.db, ctx, { emails: addresses(3), role: "viewer", appUrl: testAppUrl }, limits)).toMatchObject({ ok: true });

    const before = await snapshotMembership(t.db, org.id);
    const refused = await inviteMembers(t.db, ctx, { emails: addresses(4), role: "viewer", appUrl: testAppUrl }, { ...limits, now: at(5 * 60_000) });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        emails: "You can send 2 more invitations this hour and this list has 4, so none of them were sent. Invite at most 2 now, or up to 5 after 11:00 UTC (in 55 minutes).",
      },
    });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);

    expect(await inviteMembers(t.db, ctx, { emails: addresses(2), role: "viewer", appUrl: testAppUrl }, limits)).toMatchObject({ ok: true });
    expect(await inviteMembers(t.db, ctx, { emails: addresses(1), role: "viewer", appUrl: testAppUrl }, { ...limits, now: at(hour - 60_000) })).toEqual({
      ok: false,
      fieldErrors: { emails: "You have sent the 5 invitations allowed in an hour, so it was not sent. You can send 5 more after 11:00 UTC (in 1 minute)." },
    });
    // The next window.
    expect(await inviteMembers(t.db, ctx, { emails: addresses(5), role: "viewer", appUrl: testAppUrl }, { ...limits, now: at(hour) })).toMatchObject({ ok: true });
    expect(await invitationsOf(t.db, org.id)).toHaveLength(10);
  });

  it("the organization's limit holds across its admins; the inviter's across organizations", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const settings = low({ RATE_LIMIT_INVITATIONS_PER_ORG_PER_HOUR: 4, RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR: 3 });
    const owner = await contextOf(t.db, people.owner, org, "member.invite");
    const admin = await contextOf(t.db, people.admin, org, "member.invite");
    expect(await inviteMembers(t.db, owner, { emails: addresses(3), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) })).toMatchObject({ ok: true });
    const refused = await inviteMembers(t.db, admin, { emails: addresses(2), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { emails: expect.stringMatching(/^This organization can send 1 more invitation this hour and this list has 2/) } });

    // The owner has used their 3 in another organization too.
    const { org: other } = await makeOrgWithEveryRole(t.db);
    await addMember(t.db, other, people.owner, "admin");
    const elsewhere = await contextOf(t.db, people.owner, other, "member.invite");
    expect(await inviteMembers(t.db, elsewhere, { emails: addresses(1), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) })).toMatchObject({
      ok: false,
      fieldErrors: { emails: expect.stringMatching(/^You have sent the 3 invitations allowed in an hour/) },
    });
    expect(await invitationsOf(t.db, other.id)).toHaveLength(0);
  });

  it("10 admins inviting at once never send more than the organization's limit", async () => {
    for (let round = 0; round < 3; round++) {
      const { org, users: people } = await makeOrgWithEveryRole(t.db);
      const admins = [people.owner, people.admin];
      for (let i = 0; i < 8; i++) {
        const admin = await makeUser(t.db);
        await addMember(t.db, org, admin, "admin");
        admins.push(admin);
      }
      const settings = low({ RATE_LIMIT_INVITATIONS_PER_ORG_PER_HOUR: 7 });
      const results = await Promise.all(
        admins.map(async (admin, i) => inviteMembers(clients.dbs[i], await contextOf(clients.dbs[i], admin, org, "member.invite"), { emails: addresses(2), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(3);
      expect(await invitationsOf(t.db, org.id)).toHaveLength(6);
    }
  }, 60_000);
});

describe("resends per invitation", () => {
  it("refuses the resend past the daily limit and rolls it back: no new expiry, count or audit event", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    const settings = low({ RATE_LIMIT_RESENDS_PER_INVITATION_PER_DAY: 2 });
    await inviteMembers(t.db, ctx, { emails: addresses(1), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) });
    const [invitation] = await invitationsOf(t.db, org.id);
    for (let i = 0; i < 2; i++) {
      expect(await resendInvitation(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl }, { settings, now: at(i * hour) })).toMatchObject({ ok: true });
    }
    const before = await snapshotMembership(t.db, org.id);
    expect(await resendInvitation(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl }, { settings, now: at(3 * hour) })).toEqual({
      ok: false,
      formError: "This invitation was already sent again 2 times today, the most allowed. You can resend it after 2 Jan, 10:00 UTC (in about 21 hours).",
    });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    expect(await resendInvitation(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl }, { settings, now: at(24 * hour) })).toMatchObject({ ok: true });
  });

  it("a resend is an invitation email: it counts against the inviter's hourly limit", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const ctx = await contextOf(t.db, people.admin, org, "member.invite");
    const settings = low({ RATE_LIMIT_INVITATIONS_PER_INVITER_PER_HOUR: 2 });
    await inviteMembers(t.db, ctx, { emails: addresses(2), role: "viewer", appUrl: testAppUrl }, { settings, now: at(0) });
    const [invitation] = await invitationsOf(t.db, org.id);
    expect(await resendInvitation(t.db, ctx, { invitationId: invitation.id, appUrl: testAppUrl }, { settings, now: at(0) })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/^You have sent the 2 invitations allowed in an hour, so it was not sent\./),
    });
  });
});

describe("organizations created per user per day", () => {
  it("refuses the N+1th organization in the day, writes nothing, and allows one again the next day", async () => {
    const user = await makeUser(t.db);
    const limit = orgCreationLimit(user.id, low({ RATE_LIMIT_ORGS_PER_USER_PER_DAY: 2 }));
    const create = (now: Date) => createTeamOrganization(t.db, user, { name: "Team", slug: `team-${uniqueTag()}`, plan: "free" }, { limit, now });
    expect(await create(at(0))).toMatchObject({ ok: true });
    expect(await create(at(hour))).toMatchObject({ ok: true });
    const count = async () => t.db.$count(organizations);
    const [before, activeBefore] = [await count(), (await t.db.select().from(users).where(eq(users.id, user.id)))[0].lastActiveOrgId];
    expect(await create(at(2 * hour))).toEqual({ ok: false, limited: expect.objectContaining({ remaining: 0, resetAt: at(24 * hour) }) });
    expect(await count()).toBe(before);
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0].lastActiveOrgId).toBe(activeBefore);
    expect(await create(at(24 * hour))).toMatchObject({ ok: true });
  });

  it("a taken slug gives the count back", async () => {
    const user = await makeUser(t.db);
    const limit = orgCreationLimit(user.id, low({ RATE_LIMIT_ORGS_PER_USER_PER_DAY: 1 }));
    const slug = `team-${uniqueTag()}`;
    await createTeamOrganization(t.db, await makeUser(t.db), { name: "First", slug, plan: "free" });
    expect(await createTeamOrganization(t.db, user, { name: "Copy", slug, plan: "free" }, { limit, now: at(0) })).toEqual({ ok: false, slugTaken: true });
    expect(await createTeamOrganization(t.db, user, { name: "Mine", slug: `team-${uniqueTag()}`, plan: "free" }, { limit, now: at(0) })).toMatchObject({ ok: true });
  });
});

describe("sign-in attempts per address and per email", () => {
  const behindProxy = (ip: string) => new Headers({ "x-forwarded-for": `198.51.100.7, ${ip}` });

  it("counts every attempt per email, whatever the address", async () => {
    const email = `someone-${uniqueTag()}@example.test`;
    const limits = { settings: low({ RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR: 3 }), trustedProxies: 1, now: at(0) };
    for (let i = 0; i < 3; i++) expect(await consumeSignInAttempt(t.db, { headers: behindProxy(`203.0.113.${i}`), email }, limits)).toBeNull();
    expect(await consumeSignInAttempt(t.db, { headers: behindProxy("203.0.113.9"), email: email.toUpperCase() }, limits)).toMatchObject({
      limit: { bucket: "sign-in-email" },
      remaining: 0,
    });
    expect(await consumeSignInAttempt(t.db, { headers: behindProxy("203.0.113.9"), email }, { ...limits, now: at(hour) })).toBeNull();
  });

  it("counts attempts per address (the last proxy's entry, not what the client wrote), and a refusal by one counts in neither", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const settings = low({ RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: 2 });
    const limits = { settings, trustedProxies: 1, now: at(0) };
    const email = () => `person-${uniqueTag()}@example.test`;
    expect(await consumeSignInAttempt(t.db, { headers: behindProxy(ip), email: email() }, limits)).toBeNull();
    expect(await consumeSignInAttempt(t.db, { headers: new Headers({ "x-forwarded-for": `10.9.9.9, ${ip}` }), email: email() }, limits)).toBeNull();
    const refusedEmail = email();
    expect(await consumeSignInAttempt(t.db, { headers: behindProxy(ip), email: refusedEmail }, limits)).toMatchObject({ limit: { bucket: "sign-in-ip" } });
    // The refused attempt did not count against its email.
    const tight = { ...limits, settings: low({ RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR: 1 }) };
    expect(await consumeSignInAttempt(t.db, { headers: behindProxy("203.0.113.200"), email: refusedEmail }, tight)).toBeNull();
  });

  it("20 attempts at once from one IPv6 /64 (rotating addresses inside it) never pass the limit", async () => {
    const limits = { settings: low({ RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: 4 }), trustedProxies: 1, now: at(0) };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => consumeSignInAttempt(clients.dbs[i % clients.dbs.length], { headers: behindProxy(`2001:db8:aa::${i + 1}`), email: `p${i}-${uniqueTag()}@example.test` }, limits)),
    );
    expect(results.filter((refusal) => refusal === null)).toHaveLength(4);
  });
});
