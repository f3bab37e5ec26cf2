import { and, eq } from "drizzle-orm";
import { memberships, organizations } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { captureAction, replayAs } from "./support/replay-action";

test("a developer is refused the settings pages", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.developer, { callbackUrl: `/orgs/${org.slug}` });

  // The home page offers no settings to a developer.
  await expect(page.locator("dl > div").filter({ hasText: "Your role" }).locator("dd")).toHaveText("Developer");
  await expect(page.getByRole("link", { name: "General Information" })).toHaveCount(0);
  await expect(page.getByText(/^Settings are open to owners and admins\./)).toBeVisible();

  // Settings open on the one page every member has: the Danger Zone, where they may leave.
  await page.goto(`/orgs/${org.slug}/settings`);
  await expect(page).toHaveURL(`/orgs/${org.slug}/settings/danger-zone`);
  await expect(page.getByRole("navigation", { name: /settings/i }).getByRole("link")).toHaveText(["Danger Zone"]);

  for (const path of [`/orgs/${org.slug}/settings/general`, `/orgs/${org.slug}/settings/members`, `/orgs/${org.slug}/settings/audit-log`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
    await expect(page.getByText(`You are a Developer in ${org.name}.`)).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^Company name/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Update" })).toHaveCount(0);
  }
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: `Back to ${org.name}` }).click();
  await expect(page).toHaveURL(`/orgs/${org.slug}`);
});

test("a non-member gets the 404 page for every URL of the organization", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.outsider);

  for (const path of [`/orgs/${org.slug}`, `/orgs/${org.slug}/settings/general`, `/orgs/${org.slug}/settings`, `/orgs/no-such-org-${uniqueTag()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText(org.name)).toHaveCount(0);
  }
  await expectNoA11yViolations(page);

  // The switcher's list comes from the server, for the caller's memberships only.
  const listing = await page.request.get(`/api/organizations?q=${encodeURIComponent(org.slug)}`);
  expect(await listing.json()).toEqual({ organizations: [], total: 0, invitations: [], joinable: [] });
});

test("a General Information submission replayed after a demotion to viewer changes nothing", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const before = (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0];
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  const companyName = page.getByRole("textbox", { name: /^Company name/ });
  await expect(companyName).toHaveValue(org.name);

  // The admin's form is on screen; meanwhile the owner makes them a viewer.
  await db
    .update(memberships)
    .set({ role: "viewer" })
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, users.admin.id)));

  await companyName.fill("Hijacked by a viewer");
  await page.getByRole("textbox", { name: /^Slug/ }).fill(`hijacked-${uniqueTag()}`);
  await page.getByRole("button", { name: "Update" }).click();

  // The General Information form's own error line (the page has other forms, each with its own).
  const detailsForm = page.locator("form").filter({ has: companyName });
  await expect(detailsForm.getByTestId("form-error")).toHaveText("You need the Admin role to do this.");
  await expect(page).toHaveURL(`/orgs/${org.slug}/settings/general`);
  const after = (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0];
  expect(after).toEqual(before);
});

test("the admin's General Information request replayed from a viewer's session is refused", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const before = (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0];
  const generalPath = `/orgs/${org.slug}/settings/general`;

  // Capture the admin's real server-action request (action id, bound slug, form fields) and hold it back.
  await signIn(page, users.admin, { callbackUrl: generalPath });
  await page.getByRole("textbox", { name: /^Company name/ }).fill("Renamed through a replay");
  const request = await captureAction(page, generalPath, () => page.getByRole("button", { name: "Update" }).click());

  // The viewer sends the very same request with their own session.
  const answer = await replayAs(browser, users.viewer, generalPath, request, (viewerPage) =>
    expect(viewerPage.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible(),
  );
  expect(answer).toContain("You need the Admin role to do this.");

  const after = (await db.select().from(organizations).where(eq(organizations.id, org.id)))[0];
  expect(after).toEqual(before);
});
