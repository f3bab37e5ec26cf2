import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { billingDetails, type BillingDetails } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { isCountryCode } from "./countries";
import { maxPostalCodeLength, validatePostalCode } from "./postal-code";
import { validateVat } from "./vat";

// Who and where the organization is billed (the Billing page's "Billing details" section). The
// schema checks each field on its own, then the VAT number and postal code against the chosen
// country, and hands the domain both normalized as they are stored.

// prefault, not default: a field missing from the form is parsed as "" and gets the same message
// as an empty one (zod 4's default would skip the checks).
const requiredText = (what: string, max: number) =>
  z.string().trim().min(1, `Enter the ${what}.`).max(max, `The ${what} must be at most ${max} characters.`).prefault("");

export const maxBillingEmailLength = 254;

export const billingDetailsSchema = z
  .object({
    billingEmail: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter the billing email.")
      .max(maxBillingEmailLength, `The billing email must be at most ${maxBillingEmailLength} characters.`)
      .pipe(z.email("Enter a valid email address, such as billing@example.com."))
      .prefault(""),
    companyName: requiredText("company name", 120),
    vatNumber: z.string().trim().max(60, "The VAT number must be at most 60 characters.").prefault(""),
    addressLine1: requiredText("address", 200),
    addressLine2: z.string().trim().max(200, "The second address line must be at most 200 characters.").prefault(""),
    city: requiredText("city", 100),
    postalCode: requiredText("postal code", maxPostalCodeLength),
    country: z.string().trim().toUpperCase().min(1, "Choose the country.").refine(isCountryCode, "Choose a country from the list.").prefault(""),
  })
  .superRefine((details, issues) => {
    // Both formats depend on the country: with no valid country, only its own error shows.
    if (!isCountryCode(details.country)) return;
    if (details.vatNumber) {
      const vat = validateVat(details.country, details.vatNumber);
      if (!vat.ok) issues.addIssue({ code: "custom", path: ["vatNumber"], message: vat.message });
    }
    if (details.postalCode) {
      const postal = validatePostalCode(details.country, details.postalCode);
      if (!postal.ok) issues.addIssue({ code: "custom", path: ["postalCode"], message: postal.message });
    }
  })
  .transform((details) => {
    const vat = details.vatNumber ? validateVat(details.country, details.vatNumber) : null;
    const postal = validatePostalCode(details.country, details.postalCode);
    return {
      ...details,
      vatNumber: vat?.ok ? vat.normalized : null,
      postalCode: postal.ok ? postal.normalized : details.postalCode,
    };
  });

export type BillingDetailsInput = z.output<typeof billingDetailsSchema>;

/** What the form shows: every field as text ("" where nothing is saved). */
export type BillingDetailsValues = {
  billingEmail: string;
  companyName: string;
  vatNumber: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  country: string;
};

const fields = ["billingEmail", "companyName", "vatNumber", "addressLine1", "addressLine2", "city", "postalCode", "country"] as const;

type Stored = Pick<BillingDetails, (typeof fields)[number]>;

function pick(source: Stored): Stored {
  return Object.fromEntries(fields.map((field) => [field, source[field]])) as Stored;
}

/** The saved details of the organization, or null before anyone saved them. */
export async function loadBillingDetails(db: Queryable, orgId: string): Promise<BillingDetailsValues | null> {
  const [row] = await db.select().from(billingDetails).where(eq(billingDetails.orgId, orgId));
  if (!row) return null;
  return { ...pick(row), vatNumber: row.vatNumber ?? "" };
}

export type SaveBillingDetailsResult = { ok: true; changed: boolean } | { ok: false; formError: string };

/**
 * Creates or updates the organization's billing details and records what changed (the VAT number
 * and billing email included), in one transaction. The organization row is locked first: saves
 * are serialized, so the recorded "before" is what this save replaced, and the caller's role is
 * read again in case it changed while the request waited.
 */
export async function saveBillingDetails(db: Queryable, ctx: OrgContext, input: BillingDetailsInput): Promise<SaveBillingDetailsResult> {
  return orgTransaction(db, ctx, "billing.manage", async (tx) => {
    const [row] = await tx.select().from(billingDetails).where(eq(billingDetails.orgId, ctx.org.id));
    const before = row ? pick(row) : null;
    const after = pick(input);
    const changed = fields.filter((field) => before?.[field] !== after[field]);
    if (changed.length === 0) return { ok: true, changed: false };

    const written = { ...after, updatedBy: ctx.actor.id, updatedAt: new Date() };
    await tx
      .insert(billingDetails)
      .values({ orgId: ctx.org.id, ...written })
      .onConflictDoUpdate({ target: billingDetails.orgId, set: written });
    await recordAudit(tx, ctx, {
      action: "billing.details_update",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: ctx.org.name,
      // First save: no "before", every field "after"; then only the fields that changed.
      before: before && Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    });
    return { ok: true, changed: true };
  });
}
