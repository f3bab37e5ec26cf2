import { and, eq } from "drizzle-orm";
import type { Locator, Page } from "@playwright/test";
import { applications, databases } from "@/db/schema";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeApplication, makeDatabase, makeResourceEnvironment } from "@/lib/factories/resources";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 6: applications and databases in an environment. Each test makes its own organization
// (one member of every role), a project with a development and a production environment, and
// signs in as the role the journey is about.

// The first journey goes through nine pages and waits out each toast before axe: more than the
// default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

async function setUp(db: Parameters<typeof makeOrgWithEveryRole>[0]) {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const cluster = await makeCluster(db, org, { isDefault: true });
  const { project, environment: development } = await makeResourceEnvironment(db, org, { mode: "development", name: "dev", clusterId: cluster.id });
  const { environment: production } = await makeResourceEnvironment(db, org, { mode: "production", name: "prod", clusterId: cluster.id, project });
  const href = (environment: { id: string }) => `/orgs/${org.slug}/projects/${project.id}/environments/${environment.id}`;
  return { org, users, project, development, production, href };
}

/** The environment page's sections, as a user meets them. */
function resources(page: Page) {
  const appRow = (name: string) => page.getByTestId("application-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  const dbRow = (name: string) => page.getByTestId("database-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  return {
    applications: page.getByRole("region", { name: "Applications" }),
    databases: page.getByRole("region", { name: "Databases" }),
    appRow,
    dbRow,
    addApplication: page.getByRole("link", { name: "Add application" }),
    addDatabase: page.getByRole("link", { name: "Add database" }),
    /** A row's "…" menu, and an item of the open menu (a disabled one carries its reason after the label). */
    menu: (name: string) => page.getByRole("button", { name: `Actions for ${name}`, exact: true }),
    item: (label: string) => page.getByRole("menuitem", { name: new RegExp(`^${label}`) }),
  };
}

/**
 * The page at 390 px and axe in light and dark, once every toast has gone: a toast fading out
 * (after a redirect, say) reads as low contrast mid-animation.
 */
async function expectAccessible(page: Page) {
  await expect(notifications(page).locator("[data-sonner-toast]")).toHaveCount(0);
  await expectWorksEverywhere(page);
}

async function expectFieldError(input: Locator, message: string) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

test("a developer adds an application and a database to a development environment, edits and deletes them", async ({ page, db, signIn }) => {
  const { org, users, development, href } = await setUp(db);
  await signIn(page, users.developer, { callbackUrl: href(development) });
  const env = resources(page);
  await expect(env.applications.getByText("No application in dev yet.")).toBeVisible();
  await expect(env.databases.getByText("No database in dev yet.")).toBeVisible();
  await expectAccessible(page);

  // Add an application: a bad repository is refused next to its field, what was typed is kept.
  await env.addApplication.click();
  await expect(page.getByRole("heading", { level: 1, name: "Add application" })).toBeVisible();
  const name = page.getByRole("textbox", { name: /^Application name/ });
  const repository = page.getByRole("textbox", { name: /^Git repository/ });
  const branch = page.getByRole("textbox", { name: /^Branch/ });
  await name.fill("web");
  await repository.fill("https://github.com/acme/web");
  await page.getByRole("button", { name: "Add application" }).click();
  await expectFieldError(repository, "Enter the repository as owner/name, for example acme/web.");
  await expect(name).toHaveValue("web");
  await expectAccessible(page);
  await repository.fill("acme/web");
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page).toHaveURL(href(development));
  await expect(notifications(page)).toContainText("Added application web to dev.");
  await expect(env.appRow("web")).toContainText("acme/web");
  await expect(env.appRow("web")).toContainText("main");
  // Connect via SSH is an admin's: the menu says so.
  await env.menu("web").click();
  await expect(env.item("Connect via SSH")).toHaveAttribute("aria-disabled", "true");
  await expect(env.item("Connect via SSH")).toHaveAccessibleDescription("You need the Admin role to connect to applications via SSH.");
  await expectAccessible(page);

  // Edit it: the branch (Update waits for a change).
  await env.item("Edit").click();
  await expect(page.getByRole("heading", { level: 1, name: "web" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("button", { name: "Update" })).toBeDisabled();
  await branch.fill("release/1.0");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(href(development));
  await expect(notifications(page)).toContainText("Updated application web.");
  await expect(env.appRow("web")).toContainText("release/1.0");

  // Add a database: the versions follow the type.
  await env.addDatabase.click();
  await expect(page.getByRole("heading", { level: 1, name: "Add database" })).toBeVisible();
  await page.getByRole("textbox", { name: /^Database name/ }).fill("orders");
  await page.getByRole("combobox", { name: /^Type/ }).selectOption({ label: "MySQL" });
  const version = page.getByRole("combobox", { name: /^Version/ });
  await expect(version.locator("option")).toHaveText(["8.4", "8.0"]);
  await version.selectOption("8.0");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add database" }).click();
  await expect(page).toHaveURL(href(development));
  await expect(notifications(page)).toContainText("Added MySQL database orders to dev.");
  await expect(env.dbRow("orders")).toContainText("MySQL");
  await expect(env.dbRow("orders")).toContainText("8.0");

  // Edit it: the version (the type is shown, not chosen).
  await env.menu("orders").click();
  await env.item("Edit").click();
  await expect(page.getByTestId("database-type")).toHaveText("MySQL");
  await page.getByRole("combobox", { name: /^Version/ }).selectOption("8.4");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(href(development));
  await expect(env.dbRow("orders")).toContainText("8.4");

  // Delete the application from the list, after a confirmation.
  await env.menu("web").click();
  await env.item("Delete").click();
  const dialog = page.getByRole("alertdialog", { name: "Delete web?" });
  await expect(dialog).toContainText("acme/web, branch release/1.0");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Delete application" }).click();
  await expect(notifications(page)).toContainText("Deleted application web.");
  await expect(env.appRow("web")).toHaveCount(0);

  // Delete the database from its own page: back on the environment.
  await env.dbRow("orders").getByRole("link", { name: "orders", exact: true }).click();
  await page.getByRole("button", { name: "Delete orders" }).click();
  await page.getByRole("alertdialog", { name: "Delete orders?" }).getByRole("button", { name: "Delete database" }).click();
  await expect(page).toHaveURL(href(development));
  await expect(notifications(page)).toContainText("Deleted database orders.");
  await expect(env.databases.getByText("No database in dev yet.")).toBeVisible();

  expect(await db.select().from(applications).where(eq(applications.orgId, org.id))).toEqual([]);
  expect(await db.select().from(databases).where(eq(databases.orgId, org.id))).toEqual([]);
});

test("in a production environment a developer sees applications and databases but cannot change them", async ({ page, db, signIn }) => {
  const { org, users, production, href } = await setUp(db);
  const app = await makeApplication(db, production, { name: "api", gitRepository: "acme/api", branch: "main" });
  const row = await makeDatabase(db, production, { name: "ledger", type: "postgresql", version: "17" });
  await signIn(page, users.developer, { callbackUrl: href(production) });
  const env = resources(page);
  await expect(env.appRow("api")).toContainText("acme/api");
  await expect(env.dbRow("ledger")).toContainText("PostgreSQL");
  await expect(env.applications).toContainText("You need the Admin role to change applications in production environments");
  // Edit and Delete are in each row's menu, off, saying why.
  for (const [name, resource] of [["api", "applications"], ["ledger", "databases"]]) {
    await env.menu(name).click();
    for (const verb of ["Edit", "Delete"]) {
      await expect(env.item(verb)).toHaveAttribute("aria-disabled", "true");
      await expect(env.item(verb)).toHaveAccessibleDescription(`You need the Admin role to ${verb.toLowerCase()} ${resource} in production environments.`);
    }
    // Playwright waits for an aria-disabled item to be enabled: force the click a user can still make.
    await env.item("Edit").click({ force: true });
    await expect(page).toHaveURL(href(production));
    await page.keyboard.press("Escape");
  }
  await expect(env.addApplication).toHaveCount(0);
  await expect(env.addDatabase).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add application" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("button", { name: "Add application" })).toHaveAccessibleDescription(/You need the Admin role to change applications in production environments/);
  await expectAccessible(page);

  // The application's page reads, without a form or a delete; "Add application" is refused.
  await env.appRow("api").getByRole("link", { name: "api", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "api" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Update" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete api" })).toHaveCount(0);
  await page.goto(`${href(production)}/applications/new`);
  await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
  await expectAccessible(page);

  const [still] = await db.select().from(applications).where(and(eq(applications.id, app.id), eq(applications.orgId, org.id)));
  expect(still).toMatchObject({ name: "api" });
  const [kept] = await db.select().from(databases).where(eq(databases.id, row.id));
  expect(kept).toMatchObject({ name: "ledger" });
});

test("a viewer sees applications but no databases at all", async ({ page, db, signIn }) => {
  const { users, development, href } = await setUp(db);
  await makeApplication(db, development, { name: "web", gitRepository: "acme/web" });
  const row = await makeDatabase(db, development, { name: "secret-orders", type: "mongodb", version: "8.0" });
  await signIn(page, users.viewer, { callbackUrl: href(development) });
  const env = resources(page);
  await expect(env.appRow("web")).toBeVisible();
  await expect(env.databases).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Databases" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("secret-orders");
  expect(await page.content()).not.toContain(row.id);
  await expectAccessible(page);

  for (const path of [`${href(development)}/databases/${row.id}`, `${href(development)}/databases`, `${href(development)}/databases/new`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "You need the Developer role" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("secret-orders");
  }
  await expectAccessible(page);
});

test("Connect via SSH shows an admin the command for the application", async ({ page, db, signIn }) => {
  const { users, production, href } = await setUp(db);
  const app = await makeApplication(db, production, { name: "api", gitRepository: "acme/api" });
  await signIn(page, users.admin, { callbackUrl: href(production) });
  const env = resources(page);
  const trigger = env.menu("api");
  await trigger.click();
  await env.item("Connect via SSH").click();
  const dialog = page.getByRole("dialog", { name: "Connect to api via SSH" });
  await expect(dialog.getByTestId("ssh-command")).toHaveText(`ssh -p 2222 ${app.id}@ssh.localhost`);
  await expect(dialog).toContainText("This console does not run an SSH gateway");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});
