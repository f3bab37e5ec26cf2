import { readFile } from "node:fs/promises";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeBillingDetails } from "@/lib/factories/billing-details";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProject } from "@/lib/factories/projects";
import { organizationExportSchema } from "@/lib/export/schema";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 16 part 4: the organization export, offered before deletion in the Danger Zone and at the
// bottom of General Information; a JSON file valid against the schema in code.

test("the owner downloads an export from the Danger Zone before deleting, and finds their organization in it", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await makeProject(db, org, { name: "Storefront", createdBy: users.owner.id });
  await makeCluster(db, org, { name: "prod", isDefault: true });
  await makeBillingDetails(db, org, users.owner);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}/settings/danger-zone` });

  const card = page.getByRole("region", { name: "Delete organization" });
  const link = card.getByRole("link", { name: "Download an export first" });
  await expect(link).toBeVisible();
  await expectWorksEverywhere(page);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^org-export-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const document = organizationExportSchema.parse(JSON.parse(await readFile((await download.path())!, "utf8")));
  expect(document).toMatchObject({ schemaVersion: 1, scope: "owner", exportedBy: { email: users.owner.email, role: "owner" } });
  expect(document.organization).toMatchObject({ slug: org.slug, name: org.name });
  expect(document.billingDetails).toMatchObject({ companyName: "Acme SAS" });
  expect(document.members).toHaveLength(4);
  expect(document.projects.map((project) => project.name)).toEqual(["Storefront"]);
  expect(document.clusters.map((cluster) => cluster.name)).toEqual(["prod"]);
  expect(document.auditLog[0]).toMatchObject({ action: "org.export", actor: { id: users.owner.id } });
  // Still on the Danger Zone: downloading changed nothing on the page.
  await expect(card.getByRole("button", { name: "Delete organization" })).toBeDisabled();
});

test("an admin downloads an export without billing details from General Information; a developer is offered none and refused", async ({ page, db, signIn, browser }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await makeBillingDetails(db, org, users.owner);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });

  const card = page.getByRole("region", { name: "Export" });
  await expect(card).toContainText("Secrets are never included");
  await expectWorksEverywhere(page);
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Download an export" }).click()]);
  const document = organizationExportSchema.parse(JSON.parse(await readFile((await download.path())!, "utf8")));
  expect(document.scope).toBe("admin");
  expect("billingDetails" in document).toBe(false);

  const context = await browser.newContext();
  const developerPage = await context.newPage();
  await signIn(developerPage, users.developer, { callbackUrl: `/orgs/${org.slug}/settings/danger-zone` });
  await expect(developerPage.getByRole("heading", { name: "Danger Zone" })).toBeVisible();
  await expect(developerPage.getByRole("link", { name: /Download an export/ })).toHaveCount(0);
  const refused = await developerPage.request.get(`/orgs/${org.slug}/settings/export`);
  expect(refused.status()).toBe(403);
  await context.close();
});
