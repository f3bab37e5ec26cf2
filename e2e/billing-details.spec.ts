import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import type { Db } from "@/db/client";
import { billingDetails } from "@/db/schema";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 8, billing details in the browser: the VAT hint follows the chosen country, a VAT number
// of another country and a malformed postal code are refused next to their fields with what was
// typed kept, then the details are saved (toast) and stored normalized; outside the EU the VAT
// field takes an optional tax ID.

const billingPath = (slug: string) => `/orgs/${slug}/settings/billing`;
const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

function detailsForm(page: Page) {
  const form = page.getByRole("form", { name: "Billing details" });
  const field = (label: string) => form.getByRole("textbox", { name: new RegExp(`^${label}`) });
  return {
    email: field("Billing email"),
    company: field("Company name"),
    line1: field("Address line 1"),
    city: field("City"),
    postalCode: field("Postal code"),
    vat: field("VAT number"),
    country: form.getByRole("combobox", { name: /^Country/ }),
    save: form.getByRole("button", { name: "Save billing details" }),
  };
}

async function savedRow(db: Db, orgId: string) {
  const [row] = await db.select().from(billingDetails).where(eq(billingDetails.orgId, orgId));
  return row ?? null;
}

test("billing details: the VAT hint follows the country, mismatches are refused next to their fields, then saved normalized", async ({ page, db, signIn }) => {
  // A long journey with axe in light and dark at two widths on every state: real work, not a wait.
  test.slow();
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  await signIn(page, users.admin, { callbackUrl: billingPath(org.slug) });
  const form = detailsForm(page);
  await expect(page.getByRole("heading", { level: 2, name: "Billing details" })).toBeVisible();

  // Nothing saved yet and nothing typed: Save waits for something to send.
  await expect(form.save).toBeDisabled();
  await expectWorksEverywhere(page);

  // The hint says what the chosen country's numbers look like, or that a tax ID is optional.
  await expect(form.vat).toHaveAccessibleDescription(/^Optional/);
  await form.country.selectOption({ label: "Germany" });
  await expect(form.vat).toHaveAccessibleDescription(/DE followed by 9 digits/);
  await form.country.selectOption({ label: "France" });
  await expect(form.vat).toHaveAccessibleDescription(/FR followed by 11 characters/);

  await form.email.fill("Billing@Acme.test");
  await form.company.fill("Acme SAS");
  await form.line1.fill("12 rue de la Paix");
  await form.city.fill("Paris");
  await form.postalCode.fill("7500");
  await form.vat.fill("DE136695976");
  await form.save.click();

  await expect(form.vat).toHaveAttribute("aria-invalid", "true");
  await expect(form.vat).toHaveAccessibleDescription(/This is a German VAT number, which does not match the billing country \(France\)/);
  await expect(form.postalCode).toHaveAccessibleDescription(/A French postal code is 5 digits, e\.g\. 75008\./);
  await expect(form.email).not.toHaveAttribute("aria-invalid", "true");
  // Everything typed stays, the country too, so only the two mistakes need fixing.
  await expect(form.country).toHaveValue("FR");
  await expect(form.vat).toHaveValue("DE136695976");
  await expect(form.city).toHaveValue("Paris");
  expect(await savedRow(db, org.id)).toBeNull();
  await expectNoA11yViolations(page);

  await form.postalCode.fill("75002");
  await form.vat.fill("403 032 650 45");
  await form.save.click();
  await expect(notifications(page)).toContainText("Billing details saved.");
  await expect.poll(async () => (await savedRow(db, org.id))?.vatNumber).toBe("FR40303265045");
  expect(await savedRow(db, org.id)).toMatchObject({ billingEmail: "billing@acme.test", postalCode: "75002", country: "FR", updatedBy: users.admin.id });

  // Outside the EU the field keeps the company's tax ID, if any.
  await form.country.selectOption({ label: "Switzerland" });
  await expect(form.vat).toHaveAccessibleDescription(/^Optional/);
  await form.city.fill("Zürich");
  await form.postalCode.fill("8001");
  await form.vat.fill("CHE-123.456.789 MWST");
  await form.save.click();
  await expect.poll(async () => (await savedRow(db, org.id))?.country).toBe("CH");

  await page.reload();
  await expect(form.vat).toHaveValue("CHE123456789MWST");
  await expect(form.country).toHaveValue("CH");
  await expect(form.city).toHaveValue("Zürich");
  await expect(form.save).toBeDisabled();
  await expectWorksEverywhere(page);
});
