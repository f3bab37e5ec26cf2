import { and, eq } from "drizzle-orm";
import { memberships, organizations } from "@/db/schema";
import { makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { orgSwitcher } from "./support/switcher";

test("creates a team organization: derived slug, reserved and taken slugs refused, then success", async ({ page, db, signIn }) => {
  const tag = uniqueTag();
  const user = await makeUser(db);
  const someoneElse = await makeUser(db);
  const taken = await makeTeamOrg(db, someoneElse);
  await signIn(page, user);

  // The option pinned below the switcher's list leads here.
  const switcher = orgSwitcher(page);
  await switcher.open();
  await switcher.option(/New organization/).click();
  await expect(page).toHaveURL("/orgs/new");
  await expect(page.getByRole("heading", { level: 1, name: "New organization" })).toBeVisible();
  await expectWorksEverywhere(page);

  const companyName = page.getByRole("textbox", { name: /^Company name/ });
  const slug = page.getByRole("textbox", { name: /^Slug/ });
  const create = page.getByRole("button", { name: "Create organization" });
  const name = `Été Café & Co ${tag}`;

  // The slug follows the name (accents dropped, punctuation folded) until it is edited.
  await companyName.fill(name);
  await expect(slug).toHaveValue(`ete-cafe-co-${tag}`);
  await expect(page.getByRole("radio", { name: /^Free/ })).toBeChecked();
  await page.getByRole("radio", { name: /^Professional/ }).check();

  await slug.fill("settings");
  await companyName.fill(`${name}!`);
  await expect(slug, "an edited slug no longer follows the name").toHaveValue("settings");
  await create.click();
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-slug-error")).toHaveText("This slug is reserved. Choose another one.");
  await expect(slug).toHaveAccessibleDescription(/This slug is reserved/);
  await expect(companyName, "what was typed is kept").toHaveValue(`${name}!`);
  await expect(page.getByRole("radio", { name: /^Professional/ })).toBeChecked();
  await expectWorksEverywhere(page);

  await slug.fill(taken.slug);
  await create.click();
  await expect(page.locator("#field-slug-error")).toHaveText("Another organization already uses this slug. Choose another one.");
  await expect(slug).toHaveValue(taken.slug);

  const chosen = `cafe-${tag}`;
  await slug.fill(chosen);
  await create.click();

  await expect(page).toHaveURL(`/orgs/${chosen}`);
  await expect(page.getByRole("heading", { level: 1, name: `${name}!` })).toBeVisible();
  await expect(page.locator("dl > div").filter({ hasText: "Your role" }).locator("dd")).toHaveText("Owner");
  await expect(page.locator("dl > div").filter({ hasText: "Plan" }).locator("dd")).toHaveText("Professional");
  await expect(page.getByText("Team organization", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`${name}! is ready. You are its owner.`);
  await expect(switcher.button).toContainText(`${name}!`);

  const [created] = await db
    .select({ name: organizations.name, kind: organizations.kind, plan: organizations.plan, role: memberships.role })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, user.id)))
    .where(eq(organizations.slug, chosen));
  expect(created).toEqual({ name: `${name}!`, kind: "team", plan: "professional", role: "owner" });
  const [untouched] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, taken.id));
  expect(untouched.name).toBe(taken.name);
});
