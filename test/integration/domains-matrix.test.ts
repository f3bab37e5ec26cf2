import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { makeJoinRequest, makeOrgDomain, uniqueDomain } from "@/lib/factories/domains";
import { challengeName } from "@/lib/domains/txt-record";
import { type FakeDns, startFakeDns } from "@/scripts/lib/fake-dns";
import { type DomainActionName, domainActionNames, domainActions, runDomainAction, snapshotDomains } from "./support/domain-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 16, part 1: every action of the Verified domains page (domain.manage) and of Members →
// Requests (member.invite) × every role × a non-member, at the action door. Allowed callers change
// what they asked for with one audit event; refused ones get the door's message and leave domains,
// requests, memberships and audit events as they were. Verify reads a real local DNS server.

const t = useTestDatabase();
let dns: FakeDns;
let actions: ReturnType<typeof domainActions>;

beforeAll(async () => {
  dns = await startFakeDns();
  vi.stubEnv("DNS_RESOLVER", dns.address);
  vi.resetModules();
  actions = domainActions(await import("@/lib/domains/actions"));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await dns.close();
});

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const permissionOf = (name: DomainActionName) => (name === "approve" || name === "decline" ? "member.invite" : "domain.manage");

async function fixture() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const verified = await makeOrgDomain(t.db, org, { policy: "request" });
  const pending = await makeOrgDomain(t.db, org, { verified: false });
  dns.setTxt(challengeName(pending.domain), [pending.verificationToken]);
  const requester = await makeUser(t.db, { email: `robin@${verified.domain}` });
  const request = await makeJoinRequest(t.db, org, requester, verified.domain);
  return { org, users, verified, pending, requester, request };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

function inputFor(name: DomainActionName, f: Fixture): Record<string, string> {
  switch (name) {
    case "add":
      return { domain: uniqueDomain() };
    case "verify":
      return { domainId: f.pending.id };
    case "policy":
      return { domainId: f.verified.id, policy: "auto_join", role: "developer" };
    case "remove":
      return { domainId: f.verified.id };
    case "approve":
      return { requestId: f.request.id, role: "viewer" };
    case "decline":
      return { requestId: f.request.id };
  }
}

const audits: Record<DomainActionName, string> = {
  add: "domain.add",
  verify: "domain.verify",
  policy: "domain.policy",
  remove: "domain.remove",
  approve: "join_request.approve",
  decline: "join_request.decline",
};

describe.each(domainActionNames)("%s", (name) => {
  it("is declared with its permission", () => {
    expect(actions[name].permission).toBe(permissionOf(name));
  });

  it.each(callers)("as %s", async (caller) => {
    const f = await fixture();
    const user = f.users[caller];
    const permission = permissionOf(name);
    const allowed = caller !== "outsider" && roleHasPermission(caller, permission);
    const before = await snapshotDomains(t.db, f.org.id);

    const result = await runDomainAction(t.db, actions[name], user, f.org, inputFor(name, f));

    if (!allowed) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(permission)]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotDomains(t.db, f.org.id)).toEqual(before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await snapshotDomains(t.db, f.org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ orgId: f.org.id, actorId: user.id, action: audits[name], origin: "ui" });
    const byId = (id: string) => after.domains.find((d) => d.id === id);
    switch (name) {
      case "add":
        expect(after.domains).toHaveLength(3);
        break;
      case "verify":
        expect(byId(f.pending.id)?.verifiedAt).toBeInstanceOf(Date);
        break;
      case "policy":
        expect(byId(f.verified.id)).toMatchObject({ policy: "auto_join", autoJoinRole: "developer" });
        break;
      case "remove":
        expect(byId(f.verified.id)).toBeUndefined();
        break;
      case "approve":
        expect(after.requests[0]).toMatchObject({ status: "approved", role: "viewer", decidedBy: user.id });
        expect(after.members.find((m) => m.userId === f.requester.id)).toMatchObject({ role: "viewer" });
        break;
      case "decline":
        expect(after.requests[0]).toMatchObject({ status: "declined", decidedBy: user.id });
        expect(after.members).toEqual(before.members);
        break;
    }
  });
});
