import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { environments, projects } from "@/db/schema";
import type { Db } from "@/db/client";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProjectTree } from "@/lib/factories/transfer";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 6 (6): an admin of two organizations moves a project from one to the other after a
// preview of what moves and where its environments go; the project then lives in the destination.

const transferPath = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}/transfer`;

/** An admin in two organizations (each with a default cluster) and a project with a production environment in the first. */
async function twoOrganizations(db: Db, options: { destinationCluster?: boolean } = {}) {
  const tag = uniqueTag();
  const admin = await makeUser(db, { name: `Ada ${tag}` });
  const source = await makeTeamOrg(db, await makeUser(db), { name: `Source ${tag}` });
  const destination = await makeTeamOrg(db, await makeUser(db), { name: `Destination ${tag}` });
  await addMember(db, source, admin, "admin");
  await addMember(db, destination, admin, "admin");
  const sourceCluster = await makeCluster(db, source, { isDefault: true, name: `source-eu-${tag}` });
  const destinationCluster = options.destinationCluster === false ? null : await makeCluster(db, destination, { isDefault: true, name: `dest-us-${tag}` });
  const { project } = await makeProjectTree(db, source, sourceCluster.id, {
    name: `Shop ${tag}`,
    environments: [{ name: "production", mode: "production" }],
    rules: [{ pattern: "prod*", mode: "production" }],
  });
  return { admin, source, destination, sourceCluster, destinationCluster, project };
}

async function choose(page: Page, slug: string) {
  await page.getByRole("combobox", { name: "Destination organization" }).selectOption(slug);
  await page.getByRole("button", { name: "Show preview" }).click();
}

test("an admin of two organizations previews, confirms with the name and lands on the project in the destination", async ({ page, db, signIn }) => {
  const { admin, source, destination, sourceCluster, destinationCluster, project } = await twoOrganizations(db);
  await signIn(page, admin, { callbackUrl: transferPath(source.slug, project.id) });
  await expect(page.getByRole("heading", { level: 1, name: "Transfer project" })).toBeVisible();
  await expectWorksEverywhere(page);

  await choose(page, destination.slug);
  await expect(page).toHaveURL(`${transferPath(source.slug, project.id)}?to=${destination.slug}`);
  const preview = page.getByRole("region", { name: `What moves to ${destination.name}` });
  await expect(preview.getByTestId("transfer-preview")).toContainText("Environments1 environment");
  await expect(preview.getByTestId("transfer-preview")).toContainText("Applications1 application");
  await expect(preview.getByTestId("transfer-preview")).toContainText("Databases1 database");
  const production = preview.getByRole("row", { name: /^production/ });
  await expect(production.getByRole("cell").nth(1)).toHaveText(sourceCluster.name);
  await expect(production.getByRole("cell").nth(2)).toHaveText(`${destinationCluster?.name} (default cluster)`);
  await expect(preview.getByTestId("rules-removed")).toContainText(`prod* → ${sourceCluster.name} (Production)`);
  await expectWorksEverywhere(page);

  const confirm = page.getByRole("region", { name: `Transfer ${project.name} to ${destination.name}` });
  const button = confirm.getByRole("button", { name: "Transfer project" });
  await expect(button).toBeDisabled();
  await confirm.getByRole("textbox", { name: `Type ${project.name} to confirm` }).fill(project.name);
  await expect(button).toBeEnabled();
  await button.click();

  await expect(page).toHaveURL(`/orgs/${destination.slug}/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`Transferred ${project.name} to ${destination.name}.`);
  const [moved] = await db.select().from(projects).where(eq(projects.id, project.id));
  expect(moved.orgId).toBe(destination.id);
  const [environment] = await db.select().from(environments).where(eq(environments.projectId, project.id));
  expect(environment.clusterId).toBe(destinationCluster?.id);

  // The source no longer has it: its URL is a 404 and its home does not list it.
  expect((await page.goto(`/orgs/${source.slug}/projects/${project.id}`))?.status()).toBe(404);
  await page.goto(`/orgs/${source.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: source.name })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(project.name) })).toHaveCount(0);
  await page.goto(`/orgs/${destination.slug}`);
  await expect(page.getByRole("link", { name: new RegExp(project.name) })).toBeVisible();
});

test("a destination without a cluster blocks the transfer and says what to do", async ({ page, db, signIn }) => {
  const { admin, source, destination, project } = await twoOrganizations(db, { destinationCluster: false });
  await signIn(page, admin, { callbackUrl: `${transferPath(source.slug, project.id)}?to=${destination.slug}` });
  const blockers = page.getByRole("region", { name: "The transfer is blocked" });
  await expect(blockers).toContainText(`${destination.name} has no cluster, so 1 environment would have nowhere to run.`);
  await expect(blockers).toContainText("add a cluster");
  const preview = page.getByRole("region", { name: `What moves to ${destination.name}` });
  await expect(preview.getByRole("row", { name: /^production/ })).toContainText("No cluster");
  const button = page.getByRole("button", { name: "Transfer project" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/has no cluster/);
  await expectWorksEverywhere(page);
});

test("a developer of the source is told the role it takes, and an unknown destination is refused", async ({ page, db, signIn }) => {
  const { admin, source, project } = await twoOrganizations(db);
  const developer = await makeUser(db);
  await addMember(db, source, developer, "developer");
  await signIn(page, developer, { callbackUrl: transferPath(source.slug, project.id) });
  await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
  await expectWorksEverywhere(page);

  await page.context().clearCookies();
  await signIn(page, admin, { callbackUrl: `${transferPath(source.slug, project.id)}?to=no-such-org-${uniqueTag()}` });
  await expect(page.getByTestId("destination-refused")).toHaveText(/Choose one of your organizations where you can create projects/);
  await expect(page.getByRole("button", { name: "Transfer project" })).toHaveCount(0);
});
