import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { organizations } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject } from "@/lib/factories/projects";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { waitForEmail } from "./support/mailbox";
import { orgSwitcher } from "./support/switcher";

// Issue 5: the owner deletes a team organization from the Danger Zone after typing its slug; the
// page refuses, with the reason, everyone and everything else.

const dangerZone = (slug: string) => `/orgs/${slug}/settings/danger-zone`;

async function personalSlugOf(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.personalForUserId, userId));
  return row.slug;
}

function deleteSection(page: Page) {
  const section = page.getByRole("region", { name: "Delete organization" });
  return {
    section,
    confirm: section.getByRole("textbox", { name: /^Type .* to confirm/ }),
    button: section.getByRole("button", { name: "Delete organization" }),
    preview: section.getByTestId("deletion-preview"),
  };
}

test("the owner deletes a team organization after typing its slug and lands in their personal one", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.owner, { callbackUrl: dangerZone(org.slug) });
  const zone = deleteSection(page);

  await expect(zone.preview).toContainText("Members4");
  await expect(zone.preview).toContainText("Clusters0");
  await expect(zone.button).toBeDisabled();
  await expectWorksEverywhere(page);

  // Anything but the exact slug keeps the button disabled.
  await zone.confirm.fill(org.name);
  await expect(zone.button).toBeDisabled();
  await zone.confirm.fill(org.slug);
  await expect(zone.button).toBeEnabled();
  await expectWorksEverywhere(page);
  await zone.button.click();

  await expect(page).toHaveURL(`/orgs/${await personalSlugOf(db, users.owner.id)}`);
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`${org.name} was deleted, with 4 members`);
  const switcher = orgSwitcher(page);
  await switcher.open();
  await expect(switcher.listbox).not.toContainText(org.name);

  const response = await page.goto(`/orgs/${org.slug}`);
  expect(response?.status()).toBe(404);
  expect(await db.select().from(organizations).where(eq(organizations.id, org.id))).toEqual([]);

  const notice = await waitForEmail(users.admin.email, { subject: "was deleted" });
  expect(notice.text).toContain(`deleted the organization ${org.name} (${org.slug})`);
});

test("an admin sees the delete action disabled, with the reason", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.admin, { callbackUrl: dangerZone(org.slug) });
  const zone = deleteSection(page);
  await expect(zone.preview).toContainText("Members4");
  await expect(zone.button).toBeDisabled();
  await expect(zone.button).toHaveAccessibleDescription("Only the owner can delete the organization.");
  await expect(zone.confirm).toHaveCount(0);
  // An admin may leave; only the owner transfers ownership.
  await expect(page.getByRole("button", { name: "Leave organization" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Transfer ownership" })).toHaveCount(0);
  await expectWorksEverywhere(page);
});

test("a personal organization cannot be deleted, and says why", async ({ page, db, signIn }) => {
  const user = await makeUser(db);
  const slug = await personalSlugOf(db, user.id);
  await signIn(page, user, { callbackUrl: dangerZone(slug) });
  const zone = deleteSection(page);
  await expect(zone.section).toContainText("A personal organization cannot be deleted");
  await expect(zone.button).toHaveCount(0);
  const leave = page.getByRole("region", { name: "Leave organization" });
  await expect(leave).toContainText("You cannot leave your personal organization.");
  await expect(leave.getByRole("button", { name: "Leave organization" })).toBeDisabled();
  await expect(leave.getByRole("button", { name: "Leave organization" })).toHaveAccessibleDescription("You cannot leave your personal organization.");
  await expectWorksEverywhere(page);
});

test("with clusters, one confirmation tears them down, the organization is read-only meanwhile, then gone", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const cluster = await makeCluster(db, org, { name: "prod-eu", status: "running" });
  const project = await makeProject(db, org, { name: "Shop" });
  await makeEnvironment(db, project, cluster, { name: "production" });
  await signIn(page, users.owner, { callbackUrl: dangerZone(org.slug) });
  const zone = deleteSection(page);
  await expect(zone.preview).toContainText("Clusters1");
  await expect(zone.section).toContainText("Its cluster is torn down first");
  await zone.confirm.fill(org.slug);
  await zone.button.click();

  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`${org.name} is being deleted: its cluster is being torn down`);
  // The teardown may already be done on a fast machine, so what the page shows meanwhile is left to
  // the next test, which holds the organization in that state.
  await expect.poll(async () => (await db.select().from(organizations).where(eq(organizations.id, org.id))).length, { timeout: 60_000 }).toBe(0);
  const notice = await waitForEmail(users.admin.email, { subject: `${org.name} was deleted` });
  expect(notice.text).toContain("after every cluster was torn down");
  const response = await page.goto(`/orgs/${org.slug}`);
  expect(response?.status()).toBe(404);
});

test("a teardown that fails stops the deletion with its reason; the owner cancels and the organization is back", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  // As the job runner leaves an organization whose teardown failed (org-guided-deletion.test.ts runs the real path).
  await makeCluster(db, org, { name: "prod-eu", status: "error", statusReason: "The cloud provider refused the request.", failedAction: "delete" });
  await db
    .update(organizations)
    .set({ deletionRequestedAt: new Date(), deletionRequestedBy: users.owner.id, deletionFailure: "Tearing down prod-eu failed: The cloud provider refused the request." })
    .where(eq(organizations.id, org.id));

  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}/settings/members` });
  await expect(page.getByTestId("deletion-banner")).toContainText("The deletion stopped: Tearing down prod-eu failed");
  await page.goto(dangerZone(org.slug));
  const underWay = page.getByRole("region", { name: "Deletion under way" });
  await expect(underWay.getByRole("alert")).toContainText("The cloud provider refused the request.");
  await expect(underWay.getByTestId("teardown-clusters")).toContainText("prod-eu");
  await expect(underWay.getByRole("button", { name: "Retry the teardown" })).toBeVisible();
  await expectWorksEverywhere(page);

  await underWay.getByRole("button", { name: "Cancel the deletion" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Cancel the deletion of ${org.name}?` });
  await dialog.getByRole("button", { name: "Cancel the deletion" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`The deletion of ${org.name} was cancelled`);
  await expect(page.getByTestId("deletion-banner")).toHaveCount(0);
  await expect(deleteSection(page).section).toBeVisible();
  const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id));
  expect([row.deletionRequestedAt, row.deletionFailure]).toEqual([null, null]);
});

test("the owner transfers ownership from the Danger Zone, and a developer leaves from it", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.owner, { callbackUrl: dangerZone(org.slug) });
  const transfer = page.getByRole("region", { name: "Transfer ownership" });
  await transfer.getByRole("combobox", { name: "New owner" }).selectOption({ label: `${users.admin.name} (${users.admin.email})` });
  await transfer.getByRole("textbox", { name: /to confirm/ }).fill(users.admin.email);
  await transfer.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`is now the owner of ${org.name}`);
  await expect(deleteSection(page).button).toHaveAccessibleDescription("Only the owner can delete the organization.");

  await page.context().clearCookies();
  await signIn(page, users.developer, { callbackUrl: dangerZone(org.slug) });
  await expect(page.getByRole("region", { name: "Delete organization" })).toHaveCount(0);
  await page.getByRole("button", { name: "Leave organization" }).click();
  await expectWorksEverywhere(page);
  await page.getByRole("alertdialog", { name: `Leave ${org.name}?` }).getByRole("button", { name: "Leave organization" }).click();
  await expect(page).toHaveURL(`/orgs/${await personalSlugOf(db, users.developer.id)}`);
});
