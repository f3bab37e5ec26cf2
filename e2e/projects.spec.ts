import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { environments } from "@/db/schema";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject } from "@/lib/factories/projects";
import { expect, signIn, test } from "./fixtures";
import { captureAction, replayAs } from "./support/replay-action";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 6: projects and environments as a developer meets them: a project and a development
// environment on Automatic land on the default cluster; production environments are out of a
// developer's reach (the control says why, and the production action posted anyway is refused);
// a deployment rule sends an environment to another cluster.

// Whole journeys over several pages, each checked with axe: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

/** Waits for the toast to come and go: axe would read a fading toast's contrast mid-animation. */
async function toastCameAndWent(page: Page, message: string) {
  const toast = notifications(page).getByText(message);
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 15_000 });
}
const projectHref = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}`;
const environmentHref = (slug: string, projectId: string, environmentId: string) => `${projectHref(slug, projectId)}/environments/${environmentId}`;

function environmentForm(page: Page) {
  return {
    name: page.getByRole("textbox", { name: /^Environment name/ }),
    mode: page.getByRole("combobox", { name: /^Mode/ }),
    cluster: page.getByRole("combobox", { name: /^Cluster/ }),
    submit: page.getByRole("button", { name: "Create environment" }),
  };
}

/** An organization with both clusters (main is the default) and a project holding one environment of each class. */
async function organizationWithEnvironments(db: Parameters<typeof makeOrgWithEveryRole>[0]) {
  const { org, users } = await makeOrgWithEveryRole(db);
  const main = await makeCluster(db, org, { name: "main", isDefault: true });
  const other = await makeCluster(db, org, { name: "other" });
  const project = await makeProject(db, org, { name: "Shop", key: `shop-${uniqueTag()}` });
  const production = await makeEnvironment(db, project, main, { name: "production", mode: "production" });
  const development = await makeEnvironment(db, project, main, { name: "dev", mode: "development" });
  return { org, users, main, other, project, production, development };
}

test("a developer creates a project and a development environment on Automatic, which lands on the default cluster", async ({ page, db }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await makeCluster(db, org, { name: "main", isDefault: true });
  await makeCluster(db, org, { name: "other" });
  await signIn(page, users.developer, { callbackUrl: `/orgs/${org.slug}` });

  const projects = page.getByRole("region", { name: "Projects" });
  await expect(projects.getByTestId("projects-empty")).toContainText("No projects yet");
  await expectWorksEverywhere(page);
  await projects.getByRole("link", { name: "New project" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "New project" })).toBeVisible();
  await page.getByRole("textbox", { name: /^Project name/ }).fill("Web Store");
  await expect(page.getByRole("textbox", { name: /^Project key/ })).toHaveValue("web-store");
  await expectWorksEverywhere(page);
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Web Store" })).toBeVisible();
  await toastCameAndWent(page, "Created project Web Store.");
  await expect(page.getByTestId("environments-empty")).toBeVisible();
  await expectWorksEverywhere(page);
  await page.getByRole("link", { name: "New environment" }).click();

  const form = environmentForm(page);
  await expect(form.cluster.locator("option:checked")).toHaveText("Automatic (deployment rules, then the default cluster: main)");
  await expect(form.mode.locator("option:checked")).toHaveText(/^Automatic/);
  // A developer is not offered Production, and the form says why.
  await expect(form.mode.locator("option", { hasText: "Production" })).toHaveCount(0);
  await expect(form.mode).toHaveAccessibleDescription("You need the Admin role to create production environments.");
  await expectWorksEverywhere(page);
  await form.name.fill("dev");
  await form.submit.click();

  await expect(page.getByRole("heading", { level: 1, name: "dev" })).toBeVisible();
  await toastCameAndWent(page, "Created dev (Development) on main (the default cluster).");
  const facts = page.getByTestId("environment-facts");
  await expect(facts.getByTestId("environment-cluster")).toHaveText("main (Automatic)");
  await expect(facts.getByTestId("environment-mode")).toHaveText("Development");
  await expectWorksEverywhere(page);

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Web Store" }).click();
  const row = page.getByTestId("environment-row").filter({ has: page.getByRole("rowheader", { name: "dev" }) });
  await expect(row).toContainText("Development");
  await expect(row.getByTestId("environment-cluster")).toHaveText("main (Automatic)");
  await expect(row.getByTestId("environment-status")).toHaveText("Running");

  await page.goto(`/orgs/${org.slug}?q=WEB-st`);
  await expect(page.getByTestId("project-row")).toHaveCount(1);
  await expect(page.getByTestId("project-row")).toContainText("web-store");
});

test("a developer cannot delete a production environment, even by posting the action, but deletes a development one", async ({ page, browser, db }) => {
  const { org, users, project, production, development } = await organizationWithEnvironments(db);
  const productionPath = environmentHref(org.slug, project.id, production.id);

  await signIn(page, users.developer, { callbackUrl: productionPath });
  const controls = page.getByTestId("environment-controls");
  const refused = controls.getByRole("button", { name: "Delete environment" });
  await expect(refused).toBeDisabled();
  await expect(refused).toHaveAccessibleDescription("You need the Admin role to delete production environments.");
  await expect(controls.getByRole("button", { name: "Stop environment" })).toBeDisabled();
  await expect(controls.getByRole("link", { name: "Edit environment" })).toHaveCount(0);
  await expectWorksEverywhere(page);

  // The admin's real delete request, replayed from the developer's session, deletes nothing.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, users.admin, { callbackUrl: productionPath });
  const request = await captureAction(adminPage, productionPath, async () => {
    await adminPage.getByTestId("environment-controls").getByRole("button", { name: "Delete environment" }).click();
    await adminPage.getByRole("alertdialog", { name: "Delete production?" }).getByRole("button", { name: "Delete environment" }).click();
  });
  await adminContext.close();
  expect(await replayAs(browser, users.developer, productionPath, request)).toContain("You need the Admin role to do this.");
  expect(await db.select().from(environments).where(eq(environments.id, production.id))).toHaveLength(1);

  await page.goto(environmentHref(org.slug, project.id, development.id));
  await page.getByTestId("environment-controls").getByRole("button", { name: "Delete environment" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete dev?" });
  await expect(dialog).toContainText("deleted with its applications and databases");
  await expectWorksEverywhere(page);
  await dialog.getByRole("button", { name: "Delete environment" }).click();

  await expect(page).toHaveURL(projectHref(org.slug, project.id));
  await expect(notifications(page)).toContainText("Deleted dev.");
  await expect(page.getByTestId("environment-row")).toHaveCount(1);
  expect(await db.select().from(environments).where(eq(environments.id, development.id))).toEqual([]);
});

test("a deployment rule places a new environment on a cluster other than the default", async ({ page, db }) => {
  const { org, users, project } = await organizationWithEnvironments(db);
  await signIn(page, users.developer, { callbackUrl: `${projectHref(org.slug, project.id)}/settings` });

  const rules = page.getByRole("region", { name: "Deployment rules" });
  await expect(rules.getByTestId("rules-empty")).toBeVisible();
  await rules.getByRole("textbox", { name: /^Environment name pattern/ }).fill("preview-*");
  await rules.getByRole("combobox", { name: /^Cluster/ }).selectOption({ label: "other" });
  await rules.getByRole("combobox", { name: /^Mode/ }).selectOption({ label: "Preview" });
  await rules.getByRole("button", { name: "Add rule" }).click();
  await toastCameAndWent(page, "Added rule 1: preview-* → other, Preview.");
  await expect(rules.getByTestId("rule-row")).toContainText("preview-* → cluster other, mode Preview");
  // A developer renames but does not delete or transfer projects.
  await expect(page.getByRole("region", { name: "Delete project" })).toContainText("You need the Admin role to delete projects.");
  await expect(page.getByRole("link", { name: "Transfer project" })).toHaveCount(0);
  await expectWorksEverywhere(page);

  await page.goto(`${projectHref(org.slug, project.id)}/environments/new`);
  const form = environmentForm(page);
  await form.name.fill("preview-42");
  await form.submit.click();
  await expect(page.getByRole("heading", { level: 1, name: "preview-42" })).toBeVisible();
  await toastCameAndWent(page, "Created preview-42 (Preview) on other (deployment rule preview-*).");
  await expect(page.getByTestId("environment-facts").getByTestId("environment-cluster")).toHaveText("other (Automatic)");
  await expect(page.getByTestId("environment-facts").getByTestId("environment-mode")).toHaveText("Preview");

  // The edit page keeps the cluster on Automatic, so saving would apply the rules again.
  await page.getByRole("link", { name: "Edit environment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit preview-42" })).toBeVisible();
  await expect(environmentForm(page).cluster.locator("option:checked")).toHaveText("Automatic (deployment rules, then the default cluster: main)");
  await expect(environmentForm(page).mode.locator("option:checked")).toHaveText("Preview");
  await expectWorksEverywhere(page);
});

test("a viewer sees New project and New environment disabled, each saying why", async ({ page, db }) => {
  const { org, users } = await organizationWithEnvironments(db);
  await signIn(page, users.viewer, { callbackUrl: `/orgs/${org.slug}` });
  const projects = page.getByRole("region", { name: "Projects" });
  const newProject = projects.getByRole("button", { name: "New project" });
  await expect(newProject).toHaveAttribute("aria-disabled", "true");
  await expect(newProject).toHaveAccessibleDescription("You need the Developer role to create projects.");
  await expect(projects.getByRole("link", { name: "New project" })).toHaveCount(0);
  await expect(projects.getByTestId("project-row")).toHaveCount(1);
  await expectWorksEverywhere(page);

  await projects.getByRole("link", { name: "Shop", exact: true }).click();
  const newEnvironment = page.getByRole("button", { name: "New environment" });
  await expect(newEnvironment).toHaveAttribute("aria-disabled", "true");
  await expect(newEnvironment).toHaveAccessibleDescription(/You need the Developer role/);
  await expectWorksEverywhere(page);
});

test("without any cluster the new environment page says so, and links admins to Clusters", async ({ page, db }) => {
  const owner = await makeUser(db);
  const admin = await makeUser(db);
  const org = await makeTeamOrg(db, owner);
  await addMember(db, org, admin, "admin");
  const project = await makeProject(db, org, { name: "Empty" });
  const path = `${projectHref(org.slug, project.id)}/environments/new`;

  await signIn(page, admin, { callbackUrl: path });
  await expect(page.getByTestId("no-cluster")).toContainText("This organization has no cluster to deploy to yet.");
  await expect(page.getByTestId("no-cluster").getByRole("link", { name: "Add a cluster in Clusters" })).toHaveAttribute("href", `/orgs/${org.slug}/settings/clusters/new`);
  await expect(page.getByRole("button", { name: "Create environment" })).toHaveCount(0);
  await expectWorksEverywhere(page);
});
