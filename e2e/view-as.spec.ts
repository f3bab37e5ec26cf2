import { and, eq } from "drizzle-orm";
import { auditEvents, organizations } from "@/db/schema";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { navbar } from "./support/navbar";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 16, part 3: an owner views the organization as a Viewer (pages and controls as a viewer's,
// a banner saying so), a write from a form still on screen is refused by the server, and stopping
// gives the owner's controls back.

test("an owner views as Viewer, is refused a write, and stops viewing", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const generalPath = `/orgs/${org.slug}/settings/general`;
  await signIn(page, users.owner, { callbackUrl: generalPath });
  const companyName = page.getByRole("textbox", { name: /^Company name/ });
  await expect(companyName).toHaveValue(org.name);

  // A second tab of the same browser starts viewing; the first keeps the owner's form on screen.
  const viewing = await page.context().newPage();
  await viewing.goto(`/orgs/${org.slug}`);
  const nav = navbar(viewing);
  await nav.userMenuButton.click();
  await nav.userMenu.getByRole("menuitem", { name: "View as a role…" }).click();
  const dialog = viewing.getByRole("dialog", { name: "View as a role" });
  // An owner may view as any role below their own, and no other.
  await expect(dialog.getByRole("radio")).toHaveCount(3);
  await dialog.getByRole("radio", { name: /^Viewer/ }).check();
  await dialog.getByRole("button", { name: "Start viewing" }).click();

  const banner = viewing.getByTestId("view-as-banner");
  await expect(banner).toContainText(`You are viewing ${org.name} as Viewer.`);
  await expect(banner).toContainText("Pages and controls appear as a Viewer's; changes are off.");
  await expect(dialog).toHaveCount(0);
  const [started] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "org.view_as.started")));
  expect(started).toMatchObject({ actorId: users.owner.id, after: { role: "viewer", realRole: "owner" } });

  // The home page as a viewer has it: New project off, saying why.
  const projects = viewing.getByRole("region", { name: "Projects" });
  const newProject = projects.getByRole("button", { name: "New project" });
  await expect(newProject).toHaveAttribute("aria-disabled", "true");
  await expect(newProject).toHaveAccessibleDescription("You need the Developer role to create projects.");
  await expectWorksEverywhere(viewing);
  for (const colorScheme of ["light", "dark"] as const) {
    await viewing.emulateMedia({ colorScheme });
    await expectNoA11yViolations(viewing);
  }
  await viewing.emulateMedia({ colorScheme: null });

  // Settings and Members show what a viewer gets: the role-required panel.
  for (const path of [generalPath, `/orgs/${org.slug}/settings/members`]) {
    await viewing.goto(path);
    await expect(viewing.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
    await expect(viewing.getByText(`You are a Viewer in ${org.name}.`)).toBeVisible();
    await expect(viewing.getByTestId("view-as-banner")).toBeVisible();
  }

  // The owner's form from before is refused by the server while viewing, and nothing changes.
  const before = (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0];
  await companyName.fill("Renamed while viewing");
  await page.getByRole("button", { name: "Update" }).click();
  const detailsForm = page.locator("form").filter({ has: companyName });
  await expect(detailsForm.getByTestId("form-error")).toHaveText("You are viewing as Viewer. Stop viewing to make changes.");
  expect((await db.select().from(organizations).where(eq(organizations.id, org.id)))[0]).toEqual(before);

  // Stop, from the keyboard: the owner's page and controls are back.
  await viewing.getByTestId("view-as-banner").getByRole("button", { name: "Stop viewing as Viewer" }).press("Enter");
  await expect(viewing.getByTestId("view-as-banner")).toHaveCount(0);
  await expect(viewing.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await viewing.goto(generalPath);
  await expect(viewing.getByRole("textbox", { name: /^Company name/ })).toBeEditable();
  await viewing.close();

  // And the first tab's form now saves.
  await companyName.fill("Renamed after viewing");
  await page.getByRole("button", { name: "Update" }).click();
  await expect.poll(async () => (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0]?.name).toBe("Renamed after viewing");
});

test("an admin is offered Developer and Viewer only; a developer is offered nothing", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}` });
  const nav = navbar(page);
  await nav.userMenuButton.click();
  await nav.userMenu.getByRole("menuitem", { name: "View as a role…" }).click();
  const dialog = page.getByRole("dialog", { name: "View as a role" });
  await expect(dialog.getByRole("radio")).toHaveCount(2);
  await expect(dialog.getByRole("radio", { name: /^Developer/ })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /^Viewer/ })).toBeVisible();
  await expectNoA11yViolations(page);

  const context = await browser.newContext();
  try {
    const developerPage = await context.newPage();
    await signIn(developerPage, users.developer, { callbackUrl: `/orgs/${org.slug}` });
    const developerNav = navbar(developerPage);
    await developerNav.userMenuButton.click();
    await expect(developerNav.userMenu.getByRole("menuitem", { name: "Account" })).toBeVisible();
    await expect(developerNav.userMenu.getByRole("menuitem", { name: "View as a role…" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
