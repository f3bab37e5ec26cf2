import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, billingDetails, memberships, type Organization, type User } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { describeAuditEvent } from "@/lib/audit/catalog";
import { authorize } from "@/lib/authz/authorize";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { billingDetailsSchema, loadBillingDetails, saveBillingDetails } from "@/lib/billing/details";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { billingDetailsForm } from "@/lib/factories/billing-details";
import { staleAccess } from "@/lib/authz/org-transaction";
import * as billingActions from "@/lib/billing/actions";
import { useTestDatabase } from "./support/test-database";

// Issue 8, "Must hold": billing.manage × every role × a non-member at the action door for the
// billing details, denials and refused input leaving the row and the audit log as they were, and
// every save recorded with what it changed.

const t = useTestDatabase();

function saveAs(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, input: Record<string, string>) {
  return runOrgAction(billingActions.saveBillingDetails, { db: t.db, userId: user?.id ?? null, slug: org.slug, input });
}

async function snapshot(orgId: string) {
  const details = await t.db.select().from(billingDetails).where(eq(billingDetails.orgId, orgId));
  const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
  return { details, audit };
}

async function detailsAuditOf(orgId: string) {
  const events = (await snapshot(orgId)).audit;
  return events.filter((event) => event.action === "billing.details_update");
}

/** An organization whose owner has saved the French details of the factory. */
async function orgWithDetails() {
  const built = await makeOrgWithEveryRole(t.db);
  expect(await saveAs(built.users.owner, built.org, billingDetailsForm())).toStrictEqual({ ok: true, message: billingActions.billingDetailsSaved });
  return built;
}

describe("billing.manage at the action door", () => {
  const callers: (MemberRole | "outsider")[] = [...memberRoles, "outsider"];

  it.each(callers)("as %s", async (caller) => {
    const { org, users: people } = await orgWithDetails();
    const before = await snapshot(org.id);
    const result = await saveAs(people[caller], org, billingDetailsForm({ billingEmail: "accounts@acme.test" }));

    if (caller === "outsider" || !roleHasPermission(caller, "billing.manage")) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("billing.manage")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshot(org.id)).toEqual(before);
      return;
    }
    expect(result).toStrictEqual({ ok: true, message: billingActions.billingDetailsSaved });
    const [row] = (await snapshot(org.id)).details;
    expect(row).toMatchObject({ billingEmail: "accounts@acme.test", updatedBy: people[caller].id });
    expect((await snapshot(org.id)).audit).toHaveLength(before.audit.length + 1);
  });

  it("allows exactly owners and admins", () => {
    expect(memberRoles.filter((role) => roleHasPermission(role, "billing.manage"))).toEqual(["owner", "admin"]);
  });

  it("refuses a signed-out caller", async () => {
    const { org } = await orgWithDetails();
    const before = await snapshot(org.id);
    expect(await saveAs(null, org, billingDetailsForm({ companyName: "Other" }))).toStrictEqual({ ok: false, formError: messages.signedOut });
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("saving and updating", () => {
  it("records every field on the first save, then only what changed", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await loadBillingDetails(t.db, org.id)).toBeNull();

    expect(await saveAs(people.owner, org, billingDetailsForm({ vatNumber: "fr 40 303 265 045", postalCode: " 75002 " }))).toMatchObject({ ok: true });
    const [created] = await detailsAuditOf(org.id);
    expect(created).toMatchObject({ actorId: people.owner.id, targetType: "organization", targetId: org.id, targetLabel: org.name, before: null });
    expect(created.after).toStrictEqual({
      billingEmail: "billing@acme.test",
      companyName: "Acme SAS",
      vatNumber: "FR40303265045",
      addressLine1: "12 rue de la Paix",
      addressLine2: "",
      city: "Paris",
      postalCode: "75002",
      country: "FR",
    });

    const update = billingDetailsForm({ billingEmail: "Finance@Acme.test", vatNumber: "", country: "DE", postalCode: "10115", city: "Berlin" });
    expect(await saveAs(people.admin, org, update)).toStrictEqual({ ok: true, message: billingActions.billingDetailsSaved });
    const [, updated] = await detailsAuditOf(org.id);
    expect(updated.actorId).toBe(people.admin.id);
    expect(updated.before).toStrictEqual({ billingEmail: "billing@acme.test", vatNumber: "FR40303265045", city: "Paris", postalCode: "75002", country: "FR" });
    expect(updated.after).toStrictEqual({ billingEmail: "finance@acme.test", vatNumber: null, city: "Berlin", postalCode: "10115", country: "DE" });
    expect(describeAuditEvent({ ...updated, actor: "Adam Admin" })).toBe(
      "Adam Admin changed the billing email, VAT number, city, postal code and country in the billing details",
    );
    expect(describeAuditEvent({ ...created, actor: "Olivia Owner" })).toBe("Olivia Owner entered the billing details (Acme SAS, France)");

    expect(await loadBillingDetails(t.db, org.id)).toStrictEqual({
      billingEmail: "finance@acme.test",
      companyName: "Acme SAS",
      vatNumber: "",
      addressLine1: "12 rue de la Paix",
      addressLine2: "",
      city: "Berlin",
      postalCode: "10115",
      country: "DE",
    });
  });

  it("reads a single change as a sentence with both values", async () => {
    const { org, users: people } = await orgWithDetails();
    await saveAs(people.admin, org, billingDetailsForm({ vatNumber: "FRAB123456789" }));
    const [, changed] = await detailsAuditOf(org.id);
    expect(describeAuditEvent({ ...changed, actor: "Adam Admin" })).toBe(
      "Adam Admin changed the VAT number from “FR40303265045” to “FRAB123456789” in the billing details",
    );
  });

  it("saving the same values again writes nothing", async () => {
    const { org, users: people } = await orgWithDetails();
    const before = await snapshot(org.id);
    expect(await saveAs(people.admin, org, billingDetailsForm({ vatNumber: "40303265045" }))).toStrictEqual({ ok: true, message: billingActions.billingDetailsUnchanged });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("touches only the organization in the URL", async () => {
    const first = await orgWithDetails();
    const second = await orgWithDetails();
    const neighbour = await snapshot(second.org.id);
    await saveAs(first.users.admin, first.org, billingDetailsForm({ companyName: "Only First" }));
    expect(await snapshot(second.org.id)).toEqual(neighbour);
  });
});

describe("refused input changes nothing", () => {
  it.each([
    ["an invalid email", { billingEmail: "billing-at-acme" }, { billingEmail: "Enter a valid email address, such as billing@example.com." }],
    ["a German VAT number for a French address", { vatNumber: "DE136695976" }, { vatNumber: expect.stringMatching(/^This is a German VAT number/) }],
    ["a malformed French VAT number", { vatNumber: "FR123" }, { vatNumber: "A French VAT number is FR followed by 2 characters and 9 digits, e.g. FR40303265045." }],
    ["a French postal code of 4 digits", { postalCode: "7500" }, { postalCode: "A French postal code is 5 digits, e.g. 75008." }],
    ["a country not in the list", { country: "ZZ" }, { country: "Choose a country from the list." }],
    ["an empty company name and city", { companyName: "", city: "" }, { companyName: "Enter the company name.", city: "Enter the city." }],
  ])("%s", async (_label, overrides, fieldErrors) => {
    const { org, users: people } = await orgWithDetails();
    const before = await snapshot(org.id);
    const input = billingDetailsForm(overrides);
    expect(await saveAs(people.admin, org, input)).toStrictEqual({ ok: false, fieldErrors, values: input });
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("under the organization lock", () => {
  it("refuses a caller demoted after the door let them in", async () => {
    const { org, users: people } = await orgWithDetails();
    const access = await authorize(t.db, { userId: people.admin.id, slug: org.slug, permission: "billing.manage" });
    if (!access.ok) throw new Error("the admin should pass the door");
    await t.db
      .update(memberships)
      .set({ role: "viewer" })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, people.admin.id)));
    const before = await snapshot(org.id);
    const input = billingDetailsSchema.parse(billingDetailsForm({ companyName: "Too Late" }));
    expect(await saveBillingDetails(t.db, access.ctx, input)).toStrictEqual({ ok: false, formError: staleAccess });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("serializes parallel saves: each event's before is the previous save's after", async () => {
    const { org, users: people } = await orgWithDetails();
    const results = await Promise.all([
      saveAs(people.owner, org, billingDetailsForm({ billingEmail: "one@acme.test" })),
      saveAs(people.admin, org, billingDetailsForm({ billingEmail: "two@acme.test" })),
    ]);
    expect(results).toEqual([{ ok: true, message: billingActions.billingDetailsSaved }, { ok: true, message: billingActions.billingDetailsSaved }]);
    // Both transactions may start in the same instant (created_at is the transaction's start), so
    // the order is read from the chain itself: one replaced the factory's email, the other that one.
    const [, ...saves] = await detailsAuditOf(org.id);
    expect(saves).toHaveLength(2);
    const first = saves.find((event) => JSON.stringify(event.before) === JSON.stringify({ billingEmail: "billing@acme.test" }));
    const second = saves.find((event) => event !== first);
    expect(first).toBeDefined();
    expect(second?.before).toStrictEqual(first?.after);
    const [row] = (await snapshot(org.id)).details;
    expect({ billingEmail: row.billingEmail }).toStrictEqual(second?.after);
  });
});
