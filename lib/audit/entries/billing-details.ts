import { countryName } from "@/lib/billing/countries";
import { asText, changeClause, changesBetween, listOf, valueAt } from "../wording";

// How the audit log reads a save of the Billing page's billing details (lib/billing/details.ts):
// the first save records every field in "after" and no "before"; later saves record only the
// fields that changed, on both sides. The target is the organization.

type BillingEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

const fieldLabels = {
  billingEmail: "billing email",
  companyName: "company name",
  vatNumber: "VAT number",
  addressLine1: "address",
  addressLine2: "second address line",
  city: "city",
  postalCode: "postal code",
  country: "country",
};

/** Country codes read as names in the sentence ("France" rather than "FR"). */
function readable(values: unknown): unknown {
  const country = valueAt(values, "country");
  return typeof country === "string" ? { ...(values as object), country: countryName(country) } : values;
}

function describeDetailsUpdate(e: BillingEvent): string {
  if (e.before === null || e.before === undefined) {
    const company = asText(valueAt(e.after, "companyName"));
    const country = asText(valueAt(e.after, "country"));
    const where = [company, country && countryName(country)].filter(Boolean).join(", ");
    return `${e.actor} entered the billing details${where ? ` (${where})` : ""}`;
  }
  const changes = changesBetween(readable(e.before), readable(e.after), fieldLabels);
  if (changes.length === 0) return `${e.actor} updated the billing details`;
  if (changes.length === 1) return `${e.actor} ${changeClause(changes[0])} in the billing details`;
  return `${e.actor} changed the ${listOf(changes.map((change) => change.label))} in the billing details`;
}

export const billingDetailsAuditEntries = {
  "billing.details_update": { label: "Billing details updated", category: "billing", describe: describeDetailsUpdate },
} as const;
