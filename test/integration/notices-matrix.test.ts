import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { auditEvents, mailOutbox, noticeUnsubscribes, organizations, rateLimits } from "@/db/schema";
import type { OrgActionSpec } from "@/lib/actions/define";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { resubscribeAction, sendTestReportAction } from "@/lib/notifications/actions";
import { useTestDatabase } from "./support/test-database";

// Issue 15, part 2: the General Information page's notice actions, every role × a non-member at
// the action door (runOrgAction). Allowed callers change what they asked for and write one audit
// event; refused callers get the door's message and every row stays as it was.

const t = useTestDatabase();
type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const specs = { sendTestReport: sendTestReportAction, resubscribe: resubscribeAction } as Record<string, OrgActionSpec<z.ZodType>>;

async function snapshot(orgId: string) {
  return {
    audit: await t.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id)),
    outbox: await t.db.select().from(mailOutbox).where(eq(mailOutbox.orgId, orgId)).orderBy(asc(mailOutbox.id)),
    unsubscribed: await t.db.select().from(noticeUnsubscribes).where(eq(noticeUnsubscribes.orgId, orgId)),
    limits: await t.db.$count(rateLimits, eq(rateLimits.bucket, "test-reports-org")),
  };
}

describe.each(Object.keys(specs))("%s", (name) => {
  const spec = specs[name];
  it.each(callers)("as %s", async (caller) => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const contact = `ops-${uniqueTag()}@example.test`;
    await t.db.update(organizations).set({ adminContactEmails: [contact] }).where(eq(organizations.id, org.id));
    await t.db.insert(noticeUnsubscribes).values({ orgId: org.id, email: contact, kind: "monthly_report" });
    const input: Record<string, string> = name === "resubscribe" ? { email: contact.toUpperCase(), kind: "monthly_report" } : {};
    const before = await snapshot(org.id);
    const result = await runOrgAction(spec, { db: t.db, userId: users[caller].id, slug: org.slug, input });
    const allowed = caller !== "outsider" && roleHasPermission(caller, spec.permission);
    if (!allowed) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(spec.permission)]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshot(org.id)).toEqual(before);
      return;
    }
    const after = await snapshot(org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    if (name === "sendTestReport") {
      expect(result).toStrictEqual({ ok: true, message: `Test report queued for ${contact}.` });
      expect(after.audit.at(-1)).toMatchObject({ actorId: users[caller].id, action: "notices.test_report", after: { recipients: [contact] } });
      expect(after.outbox).toHaveLength(1);
      expect(after.outbox[0]).toMatchObject({ recipient: contact, kind: "weekly_report", status: "queued" });
      expect(after.outbox[0].subject).toMatch(/^\[Test\] Weekly usage report for /);
      expect(after.unsubscribed).toEqual(before.unsubscribed);
    } else {
      expect(result).toStrictEqual({ ok: true, message: `${contact} receives monthly usage reports again.` });
      expect(after.audit.at(-1)).toMatchObject({ actorId: users[caller].id, action: "notices.resubscribe", targetLabel: contact, after: { kind: "monthly_report" } });
      expect(after.unsubscribed).toEqual([]);
      expect(after.outbox).toEqual(before.outbox);
    }
  });
});

describe("send a test report", () => {
  it("is limited per organization and hour (a clear message, nothing queued), and skips unsubscribed addresses", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const send = () => runOrgAction(specs.sendTestReport, { db: t.db, userId: users.admin.id, slug: org.slug, input: {} });
    for (let i = 0; i < 5; i++) expect(await send()).toMatchObject({ ok: true });
    const refused = await send();
    expect(refused).toMatchObject({ ok: false, formError: expect.stringMatching(/^At most 5 test reports an hour\. Try again after /) });
    // Five reports to the owner and the admin (no contact emails set).
    expect(await t.db.$count(mailOutbox, eq(mailOutbox.orgId, org.id))).toBe(10);

    const { org: quiet, users: quietUsers } = await makeOrgWithEveryRole(t.db);
    await t.db.update(organizations).set({ adminContactEmails: ["gone@example.test"] }).where(eq(organizations.id, quiet.id));
    await t.db.insert(noticeUnsubscribes).values({ orgId: quiet.id, email: "gone@example.test", kind: "weekly_report" });
    expect(await runOrgAction(specs.sendTestReport, { db: t.db, userId: quietUsers.owner.id, slug: quiet.slug, input: {} })).toMatchObject({
      ok: false,
      formError: "Every recipient unsubscribed from weekly usage reports: subscribe one again first.",
    });
    expect(await t.db.$count(mailOutbox, eq(mailOutbox.orgId, quiet.id))).toBe(0);
  });

  it("resubscribe refuses odd input next to the field and changes nothing", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const result = await runOrgAction(specs.resubscribe, { db: t.db, userId: users.owner.id, slug: org.slug, input: { email: "not an email", kind: "spam" } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: "Not an email address.", kind: "Choose what to receive." } });
  });
});
