import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, organizations, type Organization } from "@/db/schema";
import { runOrgAction, runUserAction } from "@/lib/actions/run-action";
import { personalPlanRefusal } from "@/lib/billing/change-plan";
import { grantPlan, operatorActorLabel } from "@/lib/billing/grant-plan";
import { billingProvider, paidPlanRefusal } from "@/lib/billing/provider";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { changePlan } from "@/lib/billing/actions";
import { createOrganization } from "@/lib/orgs/actions";
import { useTestDatabase } from "./support/test-database";

// Issue 13, item 5: the billing provider decides who may choose a paid plan. The shipped provider
// grants them only with BILLING_SELF_SERVE=true (on by default outside production); otherwise the
// Billing page and New organization say whom to ask, and an operator grants the plan with
// `npm run org:plan -- <slug> <plan>`, audited as the operator.

const t = useTestDatabase();
const contact = "billing@console.test";

beforeEach(() => {
  // Plan changes email owners and admins: printed to the log without SMTP_URL.
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const selfServe = (value: "true" | "false" | "") => {
  vi.stubEnv("BILLING_SELF_SERVE", value);
  vi.stubEnv("BILLING_CONTACT", contact);
};

const planOf = async (org: Pick<Organization, "id">) => (await t.db.select({ plan: organizations.plan }).from(organizations).where(eq(organizations.id, org.id)))[0].plan;
const planEvents = (org: Pick<Organization, "id">) =>
  t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "billing.plan_change")));

describe("the provider's decision", () => {
  it("is self-serve outside production unless switched off, and off in production unless switched on", () => {
    selfServe("");
    expect(billingProvider().mayChoose("enterprise")).toEqual({ ok: true });
    vi.stubEnv("NODE_ENV", "production");
    expect(billingProvider().mayChoose("enterprise")).toEqual({ ok: false, reason: paidPlanRefusal(contact) });
    expect(billingProvider().mayChoose("free")).toEqual({ ok: true });
    selfServe("true");
    expect(billingProvider().mayChoose("business")).toEqual({ ok: true });
  });

  it("without self-serve, an owner's upgrade is refused with whom to ask and changes nothing; Free stays open", async () => {
    selfServe("false");
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "business" });
    const change = (plan: string) => runOrgAction(changePlan, { db: t.db, userId: owner.id, slug: org.slug, input: { plan } });
    expect(await change("enterprise")).toMatchObject({ ok: false, formError: paidPlanRefusal(contact) });
    expect(await planOf(org)).toBe("business");
    expect(await planEvents(org)).toHaveLength(0);
    expect(await change("free")).toMatchObject({ ok: true });
    expect(await planOf(org)).toBe("free");
    expect(await change("professional")).toMatchObject({ ok: false, formError: paidPlanRefusal(contact) });
    expect(await planOf(org)).toBe("free");
  });

  it("with self-serve, the same upgrade applies", async () => {
    selfServe("true");
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await runOrgAction(changePlan, { db: t.db, userId: users.admin.id, slug: org.slug, input: { plan: "enterprise" } })).toMatchObject({ ok: true });
    expect(await planOf(org)).toBe("enterprise");
  });

  it("New organization: a paid plan only when self-serve allows it", async () => {
    const user = await makeUser(t.db);
    const create = (plan: string, slug = `new-${uniqueTag()}`) =>
      runUserAction(createOrganization, { db: t.db, userId: user.id, input: { name: "Acme", slug, plan } });
    const count = () => t.db.$count(organizations);

    selfServe("false");
    const before = await count();
    expect(await create("enterprise")).toMatchObject({ ok: false, fieldErrors: { plan: paidPlanRefusal(contact) } });
    expect(await count()).toBe(before);
    const slug = `free-${uniqueTag()}`;
    expect(await create("free", slug)).toMatchObject({ ok: true, redirectTo: `/orgs/${slug}` });

    selfServe("true");
    const paid = `paid-${uniqueTag()}`;
    expect(await create("enterprise", paid)).toMatchObject({ ok: true });
    expect((await t.db.select().from(organizations).where(eq(organizations.slug, paid)))[0].plan).toBe("enterprise");
  });
});

describe("npm run org:plan (grantPlan)", () => {
  it("grants a paid plan, audited as the operator, whatever self-serve says", async () => {
    selfServe("false");
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "free" });
    expect(await grantPlan(t.db, { slug: org.slug.toUpperCase(), plan: "Enterprise" })).toMatchObject({ ok: true, changed: true });
    expect(await planOf(org)).toBe("enterprise");
    const events = await planEvents(org);
    expect(events).toEqual([
      expect.objectContaining({ actorId: null, actorLabel: operatorActorLabel, origin: "system", before: { plan: "free" }, after: { plan: "enterprise" } }),
    ]);
    // Again: nothing to change, nothing recorded.
    expect(await grantPlan(t.db, { slug: org.slug, plan: "enterprise" })).toMatchObject({ ok: true, changed: false });
    expect(await planEvents(org)).toHaveLength(1);
  });

  it("refuses an unknown plan or slug, a personal organization, and a downgrade below usage, changing nothing", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "business" });
    for (let i = 0; i < 3; i++) await addMember(t.db, org, await makeUser(t.db), "developer");
    expect(await grantPlan(t.db, { slug: org.slug, plan: "platinum" })).toEqual({ ok: false, message: 'Unknown plan "platinum": choose one of free, professional, business, enterprise.' });
    expect(await grantPlan(t.db, { slug: `missing-${uniqueTag()}`, plan: "business" })).toMatchObject({ ok: false });
    const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, owner.id));
    expect(await grantPlan(t.db, { slug: personal.slug, plan: "business" })).toEqual({ ok: false, message: personalPlanRefusal });
    const downgrade = await grantPlan(t.db, { slug: org.slug, plan: "free" });
    expect(downgrade.ok).toBe(false);
    expect(await planOf(org)).toBe("business");
    expect(await planOf(personal)).toBe("free");
    expect(await planEvents(org)).toHaveLength(0);
  });

  it("runs as a command against the database", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "free" });
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const run = (...args: string[]) =>
      promisify(execFile)(tsx, ["scripts/org-plan.ts", "--", ...args], { env: { ...process.env, DATABASE_URL: t.url }, timeout: 60_000 });
    const { stdout } = await run(org.slug, "business");
    expect(stdout).toContain(`moved from the Free plan to the Business plan`);
    expect(await planOf(org)).toBe("business");
    const refused = await run(org.slug, "gold").catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown plan "gold"') });
  }, 90_000);
});
