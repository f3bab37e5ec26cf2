import { and, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { cloudAccounts, clusters } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { expect, test } from "./fixtures";
import { clustersPath, escapeRegExp, expectFieldError, newClusterForm, notifications } from "./support/clusters-page";
import { captureAction, replayAs } from "./support/replay-action";
import { expectWorksEverywhere } from "./support/responsive";
import { focusRowMenu } from "./support/row-menu";

// Issue 15, cloud accounts: an admin adds an AWS account and sees it only masked, renames it,
// rotates its credentials, adds a cluster with it, and cannot delete it while the cluster uses it.
// A developer's replay of the admin's request adds nothing.

test.describe.configure({ timeout: 150_000 });

const accountsPath = (slug: string) => `/orgs/${slug}/settings/cloud-accounts`;
const first = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const second = { accessKeyId: "AKIAI44QH8DHBEXAMPLE", secret: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLE9Z7" };

function accountsPage(page: Page) {
  const row = (name: string) => page.getByTestId("cloud-account-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  return {
    heading: page.getByRole("heading", { level: 1, name: "Cloud accounts" }),
    row,
    menu: (name: string) => row(name).getByRole("button", { name: `Actions for ${name}`, exact: true }),
    item: (label: string) => page.getByRole("menuitem", { name: new RegExp(`^${escapeRegExp(label)}`) }),
    name: page.getByRole("textbox", { name: /^Account name/ }),
    accessKeyId: page.getByRole("textbox", { name: /^Access key ID/ }),
    // Password inputs have no textbox role: found by their label.
    secret: page.getByLabel(/^Secret access key/),
  };
}

/** The page as the server sends it (HTML and the RSC payload inlined in it), for secrets. */
async function rawPage(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  return response.text();
}

async function accountRow(db: Db, orgId: string, name: string) {
  const [row] = await db.select().from(cloudAccounts).where(and(eq(cloudAccounts.orgId, orgId), eq(cloudAccounts.name, name)));
  return row;
}

test("an admin adds an AWS account, sees it masked, renames and rotates it, installs a cluster with it and cannot delete it", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const list = accountsPage(page);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  await page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Cloud accounts" }).click();
  await expect(list.heading).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Cloud accounts" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No cloud account yet")).toBeVisible();
  await expectWorksEverywhere(page);

  // Add: every field checked by the server, the message next to it; the secret is not sent back.
  await page.getByRole("link", { name: "Add cloud account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add cloud account" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Cloud provider" }).getByRole("link", { name: "AWS" })).toHaveAttribute("aria-current", "page");
  await list.name.fill("Production AWS");
  await list.accessKeyId.fill("not-a-key");
  await list.secret.fill(first.secret);
  await page.getByRole("button", { name: "Add cloud account" }).click();
  await expectFieldError(list.accessKeyId, "An access key ID is 20 characters starting with AKIA");
  await expect(list.name).toHaveValue("Production AWS");
  await expect(list.secret, "a secret is never echoed back").toHaveValue("");
  await expectWorksEverywhere(page);
  await list.accessKeyId.fill(first.accessKeyId);
  await list.secret.fill(first.secret);
  await page.getByRole("button", { name: "Add cloud account" }).click();
  await expect(page).toHaveURL(accountsPath(org.slug));
  await expect(notifications(page)).toContainText("AWS cloud account Production AWS added.");
  await expect(list.row("Production AWS")).toContainText("AWS");
  await expect(list.row("Production AWS")).toContainText("…EKEY");
  await expect(list.row("Production AWS")).toContainText("Never");
  const html = await rawPage(page, accountsPath(org.slug));
  expect(html).toContain("…EKEY");
  expect(html).not.toContain(first.secret);
  expect(html).not.toContain(first.accessKeyId);
  const stored = await accountRow(db, org.id, "Production AWS");
  expect(stored.credentialsSealed).not.toContain(first.secret);
  await expectWorksEverywhere(page);

  // Rename, from the row's menu driven by the keyboard.
  await focusRowMenu(list.menu("Production AWS"));
  await page.keyboard.press("Enter");
  await expect(list.item("Rename")).toBeFocused();
  await page.keyboard.press("Enter");
  const rename = page.getByRole("dialog", { name: "Rename Production AWS" });
  await expect(rename).toBeVisible();
  await rename.getByRole("textbox", { name: /^Account name/ }).fill("Main AWS");
  await expectWorksEverywhere(page);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toBeHidden();
  await expect(notifications(page)).toContainText("Production AWS is now named Main AWS.");
  await expect(list.row("Main AWS")).toContainText("…EKEY");

  // Rotate: the same account, new credentials, a new last four.
  await list.menu("Main AWS").click();
  await list.item("Rotate credentials").click();
  const rotate = page.getByRole("dialog", { name: "Rotate the credentials of Main AWS" });
  await rotate.getByRole("textbox", { name: /^Access key ID/ }).fill(second.accessKeyId);
  await rotate.getByLabel(/^Secret access key/).fill(second.secret);
  await rotate.getByRole("button", { name: "Rotate credentials" }).click();
  await expect(rotate).toBeHidden();
  await expect(notifications(page)).toContainText("The credentials of Main AWS were rotated.");
  await expect(list.row("Main AWS")).toContainText("…E9Z7");
  const rotated = await accountRow(db, org.id, "Main AWS");
  expect(rotated.id).toBe(stored.id);
  expect(await rawPage(page, accountsPath(org.slug))).not.toContain(second.secret);

  // A cluster installed with it.
  await page.goto(`${clustersPath(org.slug)}/new`);
  const form = newClusterForm(page);
  const cluster = `prod-${uniqueTag()}`;
  await form.name.fill(cluster);
  await expect(page.getByRole("combobox", { name: /^Cloud account/ })).toHaveValue(stored.id);
  await expectWorksEverywhere(page);
  await form.submit.click();
  await expect(page).toHaveURL(clustersPath(org.slug));
  await expect(notifications(page)).toContainText(`${cluster} is being installed.`);
  const [added] = await db.select().from(clusters).where(and(eq(clusters.orgId, org.id), eq(clusters.name, cluster)));
  expect(added.cloudAccountId).toBe(stored.id);

  // Back on the accounts: the cluster is linked, Delete is off and says why, and "last used" is
  // set once the engine has run the install with the credentials.
  await page.goto(accountsPath(org.slug));
  await expect(list.row("Main AWS").getByRole("link", { name: cluster })).toHaveAttribute("href", `${clustersPath(org.slug)}/${added.id}/edit`);
  await list.menu("Main AWS").click();
  await expect(list.item("Delete")).toHaveAttribute("aria-disabled", "true");
  await expect(list.item("Delete")).toHaveAccessibleDescription("Used by 1 cluster: delete it first.");
  // Chosen anyway (Playwright would not click an aria-disabled item by itself): nothing opens.
  await list.item("Delete").click({ force: true });
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect.poll(async () => (await accountRow(db, org.id, "Main AWS")).lastUsedAt, { timeout: 45_000 }).not.toBeNull();
  await page.reload();
  await expect(list.row("Main AWS")).not.toContainText("Never");
  await expectWorksEverywhere(page);
  expect(await accountRow(db, org.id, "Main AWS")).toBeDefined();
});

test("an account no cluster uses is deleted through the confirmation dialog", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const list = accountsPage(page);
  await signIn(page, users.owner, { callbackUrl: `${accountsPath(org.slug)}/new?provider=scaleway` });
  await list.name.fill("Scaleway Paris");
  await page.getByRole("textbox", { name: /^Access key/ }).fill("SCWABCDEFGHIJ1234567");
  await page.getByLabel(/^Secret key/).fill("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  await page.getByRole("textbox", { name: /^Project ID/ }).fill("not-a-uuid");
  await page.getByRole("button", { name: "Add cloud account" }).click();
  await expectFieldError(page.getByRole("textbox", { name: /^Project ID/ }), "The project ID is a UUID");
  await page.getByLabel(/^Secret key/).fill("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  await page.getByRole("textbox", { name: /^Project ID/ }).fill("9d7c6f8e-1111-4222-8333-944455556666");
  await page.getByRole("button", { name: "Add cloud account" }).click();
  await expect(list.row("Scaleway Paris")).toContainText("…3301");

  await list.menu("Scaleway Paris").click();
  await list.item("Delete").click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Scaleway Paris?" });
  await expectWorksEverywhere(page);
  await dialog.getByRole("button", { name: "Delete cloud account" }).click();
  await expect(notifications(page)).toContainText("Cloud account Scaleway Paris deleted.");
  await expect(page.getByText("No cloud account yet")).toBeVisible();
  expect(await accountRow(db, org.id, "Scaleway Paris")).toBeUndefined();
});

test("a developer gets no Cloud accounts page, and an admin's add replayed from their session adds nothing", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const path = `${accountsPath(org.slug)}/new`;
  await signIn(page, users.admin, { callbackUrl: path });
  const list = accountsPage(page);
  await list.name.fill("Replayed");
  await list.accessKeyId.fill(first.accessKeyId);
  await list.secret.fill(first.secret);
  const request = await captureAction(page, path, () => page.getByRole("button", { name: "Add cloud account" }).click());

  const answer = await replayAs(browser, users.developer, path, request, async (developerPage) => {
    await expect(developerPage.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
    await expect(developerPage.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Cloud accounts" })).toHaveCount(0);
  });
  expect(answer).toContain("You need the Admin role to do this.");
  expect(await db.select().from(cloudAccounts).where(eq(cloudAccounts.orgId, org.id))).toEqual([]);
});
