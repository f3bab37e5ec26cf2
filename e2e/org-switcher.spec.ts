import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/client";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { orgSwitcher } from "./support/switcher";

/** A user who owns one team, is an admin of a second and a developer in a third. */
async function makeUserInThreeTeams(db: Db) {
  const tag = uniqueTag();
  const user = await makeUser(db, { name: `Sam Switcher ${tag}` });
  const other = await makeUser(db);
  const owned = await makeTeamOrg(db, user, { name: `Aurora ${tag}` });
  const adminOf = await makeTeamOrg(db, other, { name: `Borealis ${tag}` });
  const developerIn = await makeTeamOrg(db, other, { name: `Cirrus ${tag}` });
  await addMember(db, adminOf, user, "admin");
  await addMember(db, developerIn, user, "developer");
  return { tag, user, owned, adminOf, developerIn };
}

test("switches organization with the mouse, staying on the settings section when the role allows", async ({ page, db, signIn }) => {
  const { user, owned, adminOf, developerIn } = await makeUserInThreeTeams(db);
  await signIn(page, user, { callbackUrl: `/orgs/${owned.slug}/settings/general` });
  const switcher = orgSwitcher(page);
  await expect(switcher.button).toHaveAccessibleName(new RegExp(`Switch organization.*${owned.name}`));

  await switcher.open();
  await expect(switcher.listed).toHaveCount(4);
  // Personal first, then by name; the current one is marked; "Organization settings" and "New
  // organization" are pinned below the list.
  await expect(switcher.listed.nth(0)).toContainText("Personal");
  await expect(switcher.listed.nth(0)).toContainText("Owner");
  await expect(switcher.option(new RegExp(owned.name))).toHaveAttribute("aria-current", "true");
  await expect(switcher.option(new RegExp(owned.name))).toHaveAccessibleName(/\(current\)/);
  await expect(switcher.option(new RegExp(adminOf.name))).toContainText("Admin");
  await expect(switcher.option(new RegExp(adminOf.name))).not.toHaveAttribute("aria-current");
  await expect(switcher.option(new RegExp(developerIn.name))).toContainText("Developer");
  await expect(switcher.pinned).toHaveText([/Organization settings/, /New organization/]);
  await expect(switcher.status).toHaveText("4 organizations");
  await expectNoA11yViolations(page);

  // Admin there too: the same settings section in the other organization.
  await switcher.option(new RegExp(adminOf.name)).click();
  await expect(page).toHaveURL(`/orgs/${adminOf.slug}/settings/general`);
  await expect(page.getByRole("textbox", { name: /^Company name/ })).toHaveValue(adminOf.name);
  await expect(switcher.button).toContainText(adminOf.name);
  await expect(switcher.dialog).toBeHidden();

  // Developer there: settings do not open for that role, so the organization's home instead.
  await switcher.open();
  await switcher.option(new RegExp(developerIn.name)).click();
  await expect(page).toHaveURL(`/orgs/${developerIn.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: developerIn.name })).toBeVisible();

  // The switch is remembered: `/` now goes there.
  const [row] = await db.select({ lastActiveOrgId: users.lastActiveOrgId }).from(users).where(eq(users.id, user.id));
  expect(row.lastActiveOrgId).toBe(developerIn.id);

  // A click outside closes the menu.
  await switcher.open();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(switcher.dialog).toBeHidden();
});

test("switches organization with the keyboard, filtering, and Escape returns focus to the button", async ({ page, db, signIn }) => {
  const { tag, user, owned, adminOf } = await makeUserInThreeTeams(db);
  await signIn(page, user, { callbackUrl: `/orgs/${owned.slug}/settings/general` });
  const switcher = orgSwitcher(page);
  // Keyboard only: the pointer, left where the sign-in button was, must not hover an option.
  await page.mouse.move(0, 0);

  await switcher.button.focus();
  await switcher.open(() => page.keyboard.press("Enter"));
  await expect(switcher.filter).toBeFocused();
  await expect(switcher.options).toHaveCount(6);

  // The list starts on the current organization, so Enter without moving changes nothing.
  await expect.poll(() => switcher.activeOptionText()).toContain(owned.name);
  await expect(switcher.option(new RegExp(owned.name))).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(switcher.dialog).toBeHidden();
  await expect(switcher.button).toBeFocused();
  await expect(page).toHaveURL(`/orgs/${owned.slug}/settings/general`);

  // Arrow keys, Home and End move the active option (aria-activedescendant) through the list and
  // the pinned options, wrapping around.
  await switcher.open(() => page.keyboard.press("Enter"));
  await expect.poll(() => switcher.activeOptionText()).toContain(owned.name);
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => switcher.activeOptionText()).toContain(adminOf.name);
  await expect(switcher.option(new RegExp(adminOf.name))).toHaveAttribute("aria-selected", "true");
  await expect(switcher.option(new RegExp(owned.name))).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("End");
  await expect.poll(() => switcher.activeOptionText()).toContain("New organization");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => switcher.activeOptionText()).toContain("Organization settings");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => switcher.activeOptionText()).toContain("New organization");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => switcher.activeOptionText()).toContain("Sam Switcher");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => switcher.activeOptionText()).toContain("New organization");
  await page.keyboard.press("Home");
  await expect.poll(() => switcher.activeOptionText()).toContain("Sam Switcher");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => switcher.activeOptionText()).toContain("New organization");

  // Escape closes and gives focus back to the button, and the filter starts empty next time.
  await switcher.filter.pressSequentially("bore");
  await page.keyboard.press("Escape");
  await expect(switcher.dialog).toBeHidden();
  await expect(switcher.button).toBeFocused();
  await expect(page).toHaveURL(`/orgs/${owned.slug}/settings/general`);

  await switcher.open(() => page.keyboard.press("Enter"));
  await expect(switcher.filter).toBeFocused();
  await expect(switcher.filter).toHaveValue("");

  // The server filters by name or slug; an unmatched query says so.
  await switcher.filterTo(`nothing-like-this-${tag}`, []);
  await expect(switcher.status).toHaveText(`No organization matches “nothing-like-this-${tag}”.`);
  await switcher.filterTo(`borealis ${tag}`, [adminOf.name]);
  await expect(switcher.status).toHaveText("1 organization");
  await expect.poll(() => switcher.activeOptionText()).toContain(adminOf.name);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(`/orgs/${adminOf.slug}/settings/general`);
  await expect(switcher.button).toContainText(adminOf.name);
  await expect(page.getByRole("textbox", { name: /^Company name/ })).toHaveValue(adminOf.name);
});

test("a user in 60 organizations sees the first 50 and filters to one deep in the list", async ({ page, db, signIn }) => {
  const tag = uniqueTag();
  const user = await makeUser(db, { name: `Many Orgs ${tag}` });
  const fleet = [];
  for (let n = 1; n <= 59; n++) {
    fleet.push(await makeTeamOrg(db, user, { name: `Fleet ${tag} ${String(n).padStart(2, "0")}`, slug: `fleet-${tag}-${n}` }));
  }
  await signIn(page, user);
  const switcher = orgSwitcher(page);

  await switcher.open();
  await expect(switcher.status).toHaveText("Showing 50 of 60 organizations. Type to narrow the list.");
  await expect(switcher.listed).toHaveCount(50);
  await expect(switcher.listed.nth(0)).toContainText("Personal");
  // The pinned options stay in view whatever the list's length.
  await expect(switcher.option(/New organization/)).toBeInViewport();
  await expect(switcher.option(new RegExp(`Fleet ${tag} 49`))).toBeVisible();
  await expect(switcher.option(new RegExp(`Fleet ${tag} 58`))).toHaveCount(0);

  const deep = fleet[57];
  await switcher.filterTo(`${tag} 58`, [deep.name]);
  await expect(switcher.status).toHaveText("1 organization");
  await switcher.option(new RegExp(deep.name)).click();
  await expect(page).toHaveURL(`/orgs/${deep.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: deep.name })).toBeVisible();
});
