import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { organizations, orgDomains, joinRequests } from "@/db/schema";
import { runUserAction } from "@/lib/actions/run-action";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser } from "@/lib/factories";
import { makeJoinRequest, makeOrgDomain } from "@/lib/factories/domains";
import { requestToJoin } from "@/lib/domains/joining";
import { joinableOrganizations, listOrgDomains } from "@/lib/domains/queries";
import { switcherOffers } from "@/lib/pages/switcher-offers";
import { challengeName } from "@/lib/domains/txt-record";
import { rateLimitSettings } from "@/lib/rate-limit/limits";
import { type FakeDns, startFakeDns } from "@/scripts/lib/fake-dns";
import { domainActions, membershipOf, runDomainAction, snapshotDomains } from "./support/domain-actions";
import { startSmtpServer, type TestSmtpServer } from "./support/smtp-server";
import { useTestDatabase } from "./support/test-database";

// Issue 16, part 1: one organization per verified domain, verification through a real local DNS
// server, the role cap (code and database), requests and automatic joins under the seat limit and
// the per-user rate limit, and the emails both ways through a real SMTP server.

const t = useTestDatabase();
const mailHolder = globalThis as { __orgConsoleMail?: unknown };
let dns: FakeDns;
let smtp: TestSmtpServer;
let specs: typeof import("@/lib/domains/actions");
let actions: ReturnType<typeof domainActions>;

beforeAll(async () => {
  [dns, smtp] = await Promise.all([startFakeDns(), startSmtpServer()]);
  vi.stubEnv("DNS_RESOLVER", dns.address);
  vi.stubEnv("SMTP_URL", smtp.url);
  delete mailHolder.__orgConsoleMail;
  vi.resetModules();
  specs = await import("@/lib/domains/actions");
  actions = domainActions(specs);
});

afterAll(async () => {
  delete mailHolder.__orgConsoleMail;
  vi.unstubAllEnvs();
  await Promise.all([dns.close(), smtp.close()]);
});

async function orgWithDomain(policy: "request" | "auto_join" | "invite_only", fields: { role?: "developer" | "viewer"; plan?: "free" | "business" } = {}) {
  const { org, users } = await makeOrgWithEveryRole(t.db, { plan: fields.plan });
  const domain = await makeOrgDomain(t.db, org, { policy, role: fields.role });
  const person = await makeUser(t.db, { email: `sam-${domain.id.slice(0, 6)}@${domain.domain}`, name: "Sam Colleague" });
  return { org, users, domain, person };
}

describe("verifying a domain", () => {
  it("says what DNS answered when the value differs, and changes nothing", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const domain = await makeOrgDomain(t.db, org, { verified: false });
    dns.setTxt(challengeName(domain.domain), ["org-console-verification=stale"]);
    const before = await snapshotDomains(t.db, org.id);
    const result = await runDomainAction(t.db, actions.verify, users.admin, org, { domainId: domain.id });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("“org-console-verification=stale”, but none is the value shown here") });
    expect(await snapshotDomains(t.db, org.id)).toEqual(before);
  });

  it("is held by one organization at a time: another may add the domain, not verify it", async () => {
    const first = await orgWithDomain("request");
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const added = await runDomainAction(t.db, actions.add, users.owner, org, { domain: first.domain.domain.toUpperCase() });
    expect(added).toMatchObject({ ok: true, message: expect.stringContaining("Another organization has verified") });
    const [mine] = await t.db.select().from(orgDomains).where(eq(orgDomains.orgId, org.id));
    expect(mine.domain).toBe(first.domain.domain);
    expect(await listOrgDomains(t.db, org.id)).toEqual([expect.objectContaining({ domain: mine.domain, heldElsewhere: true, verifiedAt: null })]);
    expect(await listOrgDomains(t.db, first.org.id)).toEqual([expect.objectContaining({ domain: mine.domain, heldElsewhere: false })]);
    dns.setTxt(challengeName(mine.domain), [mine.verificationToken]);
    const before = await snapshotDomains(t.db, org.id);
    const verified = await runDomainAction(t.db, actions.verify, users.owner, org, { domainId: mine.id });
    expect(verified).toMatchObject({ ok: false, formError: expect.stringContaining("verified by one organization at a time") });
    expect(await snapshotDomains(t.db, org.id)).toEqual(before);
    // The database keeps it so too, whatever the code does.
    await expect(t.db.update(orgDomains).set({ verifiedAt: new Date() }).where(eq(orgDomains.id, mine.id))).rejects.toThrow();
  });

  it("refuses a duplicate and odd input next to the field", async () => {
    const { org, users, domain } = await orgWithDomain("invite_only");
    expect(await runDomainAction(t.db, actions.add, users.admin, org, { domain: `${domain.domain}.` })).toMatchObject({ ok: false, fieldErrors: { domain: expect.stringContaining("already") } });
    expect(await runDomainAction(t.db, actions.add, users.admin, org, { domain: "jane@acme.com" })).toMatchObject({ ok: false, fieldErrors: { domain: expect.any(String) } });
    expect(await runDomainAction(t.db, actions.add, users.admin, org, { domain: "\u0000" })).toMatchObject({ ok: false, fieldErrors: { domain: expect.any(String) } });
  });

  it("lets people join only through a verified domain", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const domain = await makeOrgDomain(t.db, org, { verified: false });
    const result = await runDomainAction(t.db, actions.policy, users.owner, org, { domainId: domain.id, policy: "request" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { policy: expect.stringContaining("Verify") } });
    await expect(t.db.update(orgDomains).set({ policy: "auto_join" }).where(eq(orgDomains.id, domain.id))).rejects.toThrow();
  });
});

describe("the role cap", () => {
  it("is never above Developer, in the actions and in the database", async () => {
    const { org, users, domain, person } = await orgWithDomain("request");
    const request = await makeJoinRequest(t.db, org, person, domain.domain);
    const before = await snapshotDomains(t.db, org.id);
    for (const role of ["admin", "owner"]) {
      expect(await runDomainAction(t.db, actions.policy, users.owner, org, { domainId: domain.id, policy: "auto_join", role })).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });
      expect(await runDomainAction(t.db, actions.approve, users.owner, org, { requestId: request.id, role })).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });
    }
    expect(await snapshotDomains(t.db, org.id)).toEqual(before);
    await expect(t.db.update(orgDomains).set({ autoJoinRole: "admin" }).where(eq(orgDomains.id, domain.id))).rejects.toThrow();
    await expect(t.db.update(joinRequests).set({ role: "admin" }).where(eq(joinRequests.id, request.id))).rejects.toThrow();
  });
});

describe("asking to join", () => {
  it("shows the organization to people at the domain, sends one request, and emails the owner and admins", async () => {
    const { org, users, domain, person } = await orgWithDomain("request");
    expect(await joinableOrganizations(t.db, person)).toEqual([{ orgId: org.id, orgName: org.name, policy: "request", role: "viewer", requested: false }]);
    expect(await joinableOrganizations(t.db, users.outsider)).toEqual([]);
    expect(await joinableOrganizations(t.db, users.developer)).toEqual([]);
    // The switcher reads the same list in its combined statement.
    expect(await switcherOffers(t.db, person)).toEqual({ invitations: [], joinable: await joinableOrganizations(t.db, person) });

    const result = await runUserAction(specs.requestToJoin, { db: t.db, userId: person.id, input: { orgId: org.id } });
    expect(result).toMatchObject({ ok: true });
    const after = await snapshotDomains(t.db, org.id);
    expect(after.requests).toEqual([expect.objectContaining({ userId: person.id, status: "pending", domain: domain.domain })]);
    expect(after.audit.at(-1)).toMatchObject({ actorId: person.id, action: "join_request.create", targetType: "join_request" });
    expect(await membershipOf(t.db, org.id, person.id)).toBeNull();
    for (const admin of [users.owner, users.admin]) {
      expect(smtp.to(admin.email).map((m) => m.mail.subject)).toEqual([`Sam Colleague asks to join ${org.name}`]);
    }
    expect(smtp.to(users.developer.email)).toEqual([]);
    expect((await joinableOrganizations(t.db, person))[0].requested).toBe(true);
    expect((await switcherOffers(t.db, person)).joinable).toEqual([expect.objectContaining({ orgId: org.id, requested: true })]);

    const again = await runUserAction(specs.requestToJoin, { db: t.db, userId: person.id, input: { orgId: org.id } });
    expect(again).toMatchObject({ ok: false, formError: expect.stringContaining("already asked") });
    expect(await snapshotDomains(t.db, org.id)).toEqual(after);

    const approved = await runDomainAction(t.db, actions.approve, users.admin, org, { requestId: after.requests[0].id, role: "developer" });
    expect(approved).toMatchObject({ ok: true });
    expect(await membershipOf(t.db, org.id, person.id)).toMatchObject({ role: "developer" });
    expect(smtp.to(person.email).map((m) => m.mail.subject)).toEqual([`You joined ${org.name}`]);
  });

  it("refuses whoever the domain does not let in, and changes nothing", async () => {
    const invite = await orgWithDomain("invite_only");
    const request = await orgWithDomain("request");
    const cases = [
      { org: invite.org, userId: invite.person.id },
      { org: request.org, userId: request.users.outsider.id },
      { org: request.org, userId: request.users.viewer.id },
    ];
    for (const { org, userId } of cases) {
      const before = await snapshotDomains(t.db, org.id);
      expect(await runUserAction(specs.requestToJoin, { db: t.db, userId, input: { orgId: org.id } })).toMatchObject({ ok: false });
      expect(await runUserAction(specs.joinAutomatically, { db: t.db, userId, input: { orgId: org.id } })).toMatchObject({ ok: false });
      expect(await snapshotDomains(t.db, org.id)).toEqual(before);
    }
    // An organization being deleted takes no one.
    await t.db.update(organizations).set({ deletionRequestedAt: new Date() }).where(eq(organizations.id, request.org.id));
    expect(await runUserAction(specs.requestToJoin, { db: t.db, userId: request.person.id, input: { orgId: request.org.id } })).toMatchObject({ ok: false });
  });

  it("is rate-limited per user, in PostgreSQL", async () => {
    const { org, users, person } = await orgWithDomain("request");
    const settings = { ...rateLimitSettings, RATE_LIMIT_JOIN_REQUESTS_PER_USER_PER_HOUR: 1 };
    const actor = { id: person.id, name: person.name, email: person.email };
    expect(await requestToJoin(t.db, actor, { orgId: org.id }, { settings })).toMatchObject({ ok: true });
    const [request] = (await snapshotDomains(t.db, org.id)).requests;
    expect(await runDomainAction(t.db, actions.decline, users.admin, org, { requestId: request.id })).toMatchObject({ ok: true });
    expect(smtp.to(person.email).map((m) => m.mail.subject)).toEqual([`Your request to join ${org.name} was declined`]);
    // Declined, the person may ask again, but not more often than the limit allows.
    const before = await snapshotDomains(t.db, org.id);
    const refused = await requestToJoin(t.db, actor, { orgId: org.id }, { settings });
    expect(refused).toMatchObject({ ok: false, formError: expect.stringMatching(/asked to join organizations 1 time in an hour.*Try again after/) });
    expect(await snapshotDomains(t.db, org.id)).toEqual(before);
  });
});

describe("joining automatically", () => {
  it("adds a membership with the domain's role and an audit event", async () => {
    const { org, domain, person } = await orgWithDomain("auto_join", { role: "developer" });
    const result = await runUserAction(specs.joinAutomatically, { db: t.db, userId: person.id, input: { orgId: org.id } });
    expect(result).toMatchObject({ ok: true, redirectTo: `/orgs/${org.slug}` });
    expect(await membershipOf(t.db, org.id, person.id)).toMatchObject({ role: "developer" });
    const { audit } = await snapshotDomains(t.db, org.id);
    expect(audit.at(-1)).toMatchObject({ actorId: person.id, action: "domain.auto_join", after: { role: "developer", domain: domain.domain } });
    expect(await joinableOrganizations(t.db, person)).toEqual([]);
  });

  it("respects the plan's seats, as approving does", async () => {
    // Free: three seats, taken by the owner, the admin and the developer once the viewer is gone.
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "free" });
    await addMember(t.db, org, await makeUser(t.db), "admin");
    await addMember(t.db, org, await makeUser(t.db), "developer");
    const domain = await makeOrgDomain(t.db, org, { policy: "auto_join" });
    const person = await makeUser(t.db, { email: `kim@${domain.domain}` });
    const before = await snapshotDomains(t.db, org.id);
    expect(await runUserAction(specs.joinAutomatically, { db: t.db, userId: person.id, input: { orgId: org.id } })).toMatchObject({ ok: false, formError: expect.stringContaining("Free plan allows 3 members") });
    expect(await snapshotDomains(t.db, org.id)).toEqual(before);

    const request = await makeJoinRequest(t.db, org, person, domain.domain);
    const withRequest = await snapshotDomains(t.db, org.id);
    expect(await runDomainAction(t.db, actions.approve, owner, org, { requestId: request.id, role: "viewer" })).toMatchObject({ ok: false, formError: expect.stringContaining("Free plan allows 3 members") });
    expect(await snapshotDomains(t.db, org.id)).toEqual(withRequest);
  });
});
