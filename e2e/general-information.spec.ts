import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { organizations } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { orgSwitcher } from "./support/switcher";

function generalForm(page: Page) {
  const field = (label: string) => page.getByRole("textbox", { name: new RegExp(`^${label}`) });
  return {
    name: field("Company name"),
    slug: field("Slug"),
    description: field("Description"),
    website: field("Website"),
    emails: field("Admin contact emails"),
    update: page.getByRole("button", { name: "Update" }),
    /** The error tied to a field: the element its aria-describedby names, and its description. */
    async expectError(input: ReturnType<typeof field>, message: string) {
      await expect(input).toHaveAttribute("aria-invalid", "true");
      const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
      const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
      expect(errorId, "aria-describedby names the field's error").toBeTruthy();
      await expect(page.locator(`[id="${errorId}"]`)).toHaveText(message);
      await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    },
    async expectNoError(input: ReturnType<typeof field>) {
      await expect(input).not.toHaveAttribute("aria-invalid", "true");
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function orgRow(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

test("General Information shows every validation error under its field and keeps what was typed", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const neighbour = await makeTeamOrg(db, await makeUser(db));
  const before = await orgRow(db, org.id);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  const form = generalForm(page);
  await expect(page.getByRole("heading", { level: 1, name: "General Information" })).toBeVisible();
  await expect(form.name).toHaveValue(org.name);
  await expect(form.slug).toHaveValue(org.slug);
  // Nothing to send yet: Update waits for a change.
  await expect(form.update).toBeDisabled();
  await expectWorksEverywhere(page);

  // Empty name, malformed slug, bad website and an invalid address, all in one submission.
  await form.name.fill("   ");
  await form.slug.fill("Not A Slug!");
  await form.description.fill("Kept after the error");
  await form.website.fill("not a website");
  await form.emails.fill("ops@example.test, not-an-email");
  await form.update.click();
  await form.expectError(form.name, "Enter the company name.");
  await form.expectError(form.slug, "Use lowercase letters, digits and single hyphens, not at the start or end.");
  await form.expectError(form.website, "Enter a website address such as https://example.com.");
  await form.expectError(form.emails, "Not a valid email address: not-an-email.");
  await form.expectNoError(form.description);
  await expect(form.slug).toHaveValue("Not A Slug!");
  await expect(form.description).toHaveValue("Kept after the error");
  await expect(form.website).toHaveValue("not a website");
  await expect(form.emails).toHaveValue("ops@example.test, not-an-email");
  await expectNoA11yViolations(page);

  // A reserved slug, and more than ten addresses.
  const eleven = Array.from({ length: 11 }, (_, i) => `ops${i}@example.test`).join(", ");
  await form.name.fill(org.name);
  await form.slug.fill("settings");
  await form.website.fill("");
  await form.emails.fill(eleven);
  await form.update.click();
  await form.expectError(form.slug, "This slug is reserved. Choose another one.");
  await form.expectError(form.emails, "Enter at most 10 addresses (you entered 11).");
  await form.expectNoError(form.name);
  await form.expectNoError(form.website);
  await expect(form.emails).toHaveValue(eleven);

  // Too short a slug.
  await form.slug.fill("ab");
  await form.emails.fill("");
  await form.update.click();
  await form.expectError(form.slug, "The slug must be at least 3 characters.");
  await form.expectNoError(form.emails);

  // A slug another organization uses: only the database knows.
  await form.slug.fill(neighbour.slug);
  await form.update.click();
  await form.expectError(form.slug, "Another organization already uses this slug. Choose another one.");
  await expect(form.slug).toHaveValue(neighbour.slug);

  expect(await orgRow(db, org.id), "no failed submission changed the row").toEqual(before);
  expect((await orgRow(db, neighbour.id)).slug).toBe(neighbour.slug);
});

test("General Information saves an update with a toast and removes duplicate contact emails", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  const form = generalForm(page);
  const newName = `Renamed ${uniqueTag()}`;

  await form.name.fill(newName);
  await form.description.fill("Builds rockets, carefully.");
  await form.website.fill("rockets.example.test");
  await form.emails.fill("Ops@Example.test, ops@example.test,\nsre@example.test, sre@example.test ");
  await form.update.click();

  await expect(notifications(page)).toContainText("General information updated.");
  await expect(page).toHaveURL(`/orgs/${org.slug}/settings/general`);
  await expect(form.emails).toHaveValue("ops@example.test, sre@example.test");
  await expect(form.website).toHaveValue("https://rockets.example.test");
  await expect(form.name).toHaveValue(newName);
  await expect(orgSwitcher(page).button, "the navbar shows the new name").toContainText(newName);
  await form.expectNoError(form.emails);

  const saved = await orgRow(db, org.id);
  expect(saved).toMatchObject({
    name: newName,
    slug: org.slug,
    description: "Builds rockets, carefully.",
    website: "https://rockets.example.test",
    adminContactEmails: ["ops@example.test", "sre@example.test"],
  });

  // Saved: nothing differs from the saved values any more, so Update waits for the next change.
  await expect(form.update).toBeDisabled();
  await form.description.fill("Builds rockets, very carefully.");
  await expect(form.update).toBeEnabled();
  await form.description.fill("Builds rockets, carefully.");
  await expect(form.update).toBeDisabled();
});

test("changing the slug redirects to the organization's new URL", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  const form = generalForm(page);
  const newSlug = `moved-${uniqueTag()}`;

  await form.slug.fill(newSlug);
  await form.update.click();

  await expect(page).toHaveURL(`/orgs/${newSlug}/settings/general`);
  await expect(notifications(page)).toContainText("General information updated. The organization has a new URL.");
  await expect(form.slug).toHaveValue(newSlug);
  expect((await orgRow(db, org.id)).slug).toBe(newSlug);

  // The old URL now redirects members to the new one (e2e/renamed-slug.spec.ts has the journey).
  await page.goto(`/orgs/${org.slug}`);
  await expect(page).toHaveURL(`/orgs/${newSlug}`);
});
