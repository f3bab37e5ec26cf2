import { eq } from "drizzle-orm";
import { memberships, organizations, users } from "@/db/schema";
import { makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, expectSignInFor, test } from "./fixtures";
import { navbar } from "./support/navbar";
import { expectWorksEverywhere } from "./support/responsive";
import { orgSwitcher } from "./support/switcher";

test("signs in with the development sign-in and lands on the last active organization", async ({ page, db, signIn }) => {
  const user = await makeUser(db);
  const team = await makeTeamOrg(db, user);

  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Org Console" })).toBeVisible();
  await expectWorksEverywhere(page);

  await signIn(page, user);
  await expect(page).toHaveURL(`/orgs/${team.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: team.name })).toBeVisible();
  await expectNoA11yViolations(page);

  // Sign out sits in the user menu.
  await navbar(page).signOut();
  await page.goto(`/orgs/${team.slug}`);
  await expectSignInFor(page, `/orgs/${team.slug}`);
});

test("a signed-out deep link goes through sign-in and lands back on that page", async ({ page, db }) => {
  const user = await makeUser(db);
  const team = await makeTeamOrg(db, user);
  const deepLink = `/orgs/${team.slug}/settings/general`;

  await page.goto(deepLink);
  await expectSignInFor(page, deepLink);
  const devSignIn = page.getByRole("region", { name: "Development sign-in" });
  await devSignIn.getByRole("textbox", { name: /^Email/ }).fill(user.email);
  await devSignIn.getByRole("button", { name: "Sign in with email" }).click();

  await expect(page).toHaveURL(deepLink);
  await expect(page.getByRole("heading", { level: 1, name: "General Information" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Company name/ })).toHaveValue(team.name);
});

test("a first sign-in creates the personal organization, marked Personal with the Owner role", async ({ page, db }) => {
  const tag = uniqueTag();
  const email = `first-${tag}@example.test`;
  const name = `Pat Newcomer ${tag}`;

  await page.goto("/sign-in");
  const devSignIn = page.getByRole("region", { name: "Development sign-in" });
  await devSignIn.getByRole("textbox", { name: /^Email/ }).fill(email);
  await devSignIn.getByRole("textbox", { name: /^Name/ }).fill(name);
  await devSignIn.getByRole("button", { name: "Sign in with email" }).click();
  await page.waitForURL(/\/orgs\/[^/]+$/);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  expect(user, "the first sign-in signs the user up").toBeDefined();
  const owned = await db
    .select({ slug: organizations.slug, name: organizations.name, kind: organizations.kind, plan: organizations.plan, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, user.id));
  expect(owned).toEqual([{ slug: expect.any(String), name, kind: "personal", plan: "free", role: "owner" }]);
  const personal = owned[0];

  await expect(page).toHaveURL(`/orgs/${personal.slug}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Personal organization", { exact: true })).toBeVisible();
  const yourRole = page.locator("dl > div").filter({ hasText: "Your role" });
  await expect(yourRole.locator("dd")).toHaveText("Owner");

  const switcher = orgSwitcher(page);
  await expect(switcher.button).toContainText(name);
  await switcher.open();
  await expect(switcher.listed).toHaveCount(1);
  const option = switcher.option(new RegExp(name));
  await expect(option).toContainText("Personal");
  await expect(option).toContainText("Owner");
  await expect(option).toHaveAttribute("aria-current", "true");
  await expect(switcher.pinned.last()).toHaveText(/New organization/);
  await expect(switcher.status).toHaveText("1 organization");
  await expectNoA11yViolations(page);
});
