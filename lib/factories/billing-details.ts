import type { Queryable } from "@/db/client";
import { billingDetails, type Organization, type User } from "@/db/schema";

// Billing details as the form submits them (valid for France), and a saved row for tests that
// need one without going through the action.

export function billingDetailsForm(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  const form: Record<string, string | undefined> = {
    billingEmail: "billing@acme.test",
    companyName: "Acme SAS",
    vatNumber: "FR40303265045",
    addressLine1: "12 rue de la Paix",
    addressLine2: "",
    city: "Paris",
    postalCode: "75002",
    country: "FR",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export async function makeBillingDetails(db: Queryable, org: Pick<Organization, "id">, by: Pick<User, "id"> | null = null) {
  const [row] = await db
    .insert(billingDetails)
    .values({
      orgId: org.id,
      billingEmail: "billing@acme.test",
      companyName: "Acme SAS",
      vatNumber: "FR40303265045",
      addressLine1: "12 rue de la Paix",
      city: "Paris",
      postalCode: "75002",
      country: "FR",
      updatedBy: by?.id ?? null,
    })
    .returning();
  return row;
}
