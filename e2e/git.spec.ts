import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { applications, projects } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeApplication, makeResourceEnvironment } from "@/lib/factories/resources";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { deliverWebhook, fakeGithub } from "./support/github";

// Issue 7: the Git Permission page against the local GitHub that plays the App (its installation
// page redirects back to the console's setup URL like GitHub's does; its /_control API changes the
// installation and hands back the webhook GitHub would send, which the test signs and delivers).
// Each test installs on a GitHub account of its own, so tests run in parallel.

test.describe.configure({ timeout: 150_000 });

const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

/** axe once every toast has gone (a toast fading out reads as low contrast mid-animation). */
async function expectAccessible(page: Page) {
  await expect(notifications(page).locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await expectWorksEverywhere(page);
}

async function setUp(db: Parameters<typeof makeOrgWithEveryRole>[0]) {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const cluster = await makeCluster(db, org, { isDefault: true });
  const { project, environment } = await makeResourceEnvironment(db, org, { mode: "production", name: "production", clusterId: cluster.id });
  await db.update(projects).set({ name: "Shop" }).where(eq(projects.id, project.id));
  // A GitHub account of this test's own on the local GitHub.
  const account = `acme-${uniqueTag()}`;
  const web = await makeApplication(db, environment, { name: "web", gitRepository: `${account}/web` });
  const api = await makeApplication(db, environment, { name: "api", gitRepository: `${account}/api` });
  const environmentHref = `/orgs/${org.slug}/projects/${project.id}/environments/${environment.id}`;
  return { org, users, account, web, api, environmentHref, gitHref: `/orgs/${org.slug}/settings/git` };
}

test("an admin installs the GitHub App, sees what it grants, loses a repository by webhook, picks only granted repositories, and disconnects", async ({ page, db, signIn, baseURL }) => {
  const { org, users, account, api, environmentHref, gitHref } = await setUp(db);
  await signIn(page, users.admin, { callbackUrl: gitHref });

  // Not connected: what the platform sees meanwhile, and which repositories to select.
  await expect(page.getByRole("heading", { level: 1, name: "Git Permission" })).toBeVisible();
  const reminder = page.getByTestId("git-install-warning");
  await expect(reminder).toContainText(`2 applications of ${org.name} use 2 repositories. Select all of them during the install`);
  await expect(reminder).toContainText(`${account}/api (1 application)`);
  await expect(reminder).toContainText(`${account}/web (1 application)`);
  await expect(page.getByText("By default, the platform can see all the repositories your own Git account can")).toBeVisible();
  await expectAccessible(page);

  // Install: GitHub's installation page, then back through the setup URL to the Git page.
  await page.getByRole("button", { name: "Install Github Application to manage permission" }).click();
  await expect(page.getByRole("heading", { name: "Install org-console-e2e" })).toBeVisible();
  await page.getByRole("textbox", { name: "GitHub account" }).fill(account);
  await page.getByRole("textbox", { name: /^Repositories/ }).fill("web\napi\nsite");
  await page.getByRole("button", { name: "Install & Authorize" }).click();
  await expect(page).toHaveURL(gitHref);
  await expect(notifications(page)).toContainText(`Connected the GitHub account ${account}: 3 repositories authorized.`);

  // Connected: the account, Manage permission on GitHub, and the repositories with their applications.
  await expect(page.getByTestId("git-account-login")).toHaveText(account);
  await expect(page.getByText("GitHub Organization · Only select repositories · 3 repositories granted")).toBeVisible();
  const installation = await fakeGithub.installationOf(account);
  if (!installation) throw new Error("the local GitHub has no installation on the account");
  const manage = page.getByRole("link", { name: /^Manage permission/ });
  await expect(manage).toHaveAttribute("href", `${process.env.E2E_GITHUB_URL}/organizations/${account}/settings/installations/${installation.id}`);
  await expect(manage).toHaveAttribute("target", "_blank");
  await expect(manage).toHaveAttribute("rel", /noopener/);
  const repositoryRow = (name: string) => page.getByTestId("git-repository-row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(page.getByTestId("git-repository-row")).toHaveCount(3);
  await expect(repositoryRow(`${account}/api`)).toContainText("api (Shop / production)");
  await expect(repositoryRow(`${account}/site`)).toContainText("No application");
  await expect(page.getByTestId("git-warnings")).toHaveCount(0);
  await expectAccessible(page);

  // On GitHub, api is taken away: the webhook arrives and the page warns about the application.
  const change = await fakeGithub.changeRepositories(installation.id, { remove: ["api"] });
  expect((await deliverWebhook(baseURL ?? "", change.webhook)).status).toBe(200);
  await page.reload();
  await expect(page.getByTestId("git-repository-row")).toHaveCount(2);
  const warnings = page.getByTestId("git-warnings");
  await expect(warnings).toContainText(
    `${account}/api is no longer granted to the Org Console GitHub App: api (Shop / production) can no longer be updated or auto-deployed. Select the repository again in Manage permission.`,
  );
  await expectAccessible(page);

  // The application says so too, and its list in the environment.
  await warnings.getByRole("link", { name: /^api/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "api" })).toBeVisible();
  await expect(page.getByTestId("application-git-warning")).toContainText(`${account}/api is no longer granted to the Org Console GitHub App: api (Shop / production)`);
  await expectAccessible(page);
  await page.goto(environmentHref);
  await expect(page.getByTestId("application-row").filter({ hasText: `${account}/api` }).getByTestId("application-git-warning")).toBeVisible();
  await expect(page.getByTestId("application-row").filter({ hasText: `${account}/web` }).getByTestId("application-git-warning")).toHaveCount(0);

  // "Add application" offers only the installation's repositories.
  await page.getByRole("link", { name: "Add application" }).click();
  const picker = page.getByRole("combobox", { name: /^Git repository/ });
  await expect(picker.locator("option")).toHaveText(["Choose a repository", `${account}/site`, `${account}/web`]);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: /^Application name/ }).fill("docs");
  await picker.selectOption(`${account}/site`);
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page).toHaveURL(environmentHref);
  await expect(notifications(page)).toContainText("Added application docs to production.");

  // Disconnect: the confirmation lists the applications that lose update and auto-deploy.
  await page.goto(gitHref);
  await page.getByRole("button", { name: `Disconnect ${account}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Disconnect ${account}?` });
  const losing = dialog.getByTestId("git-disconnect-applications");
  await expect(losing.getByRole("listitem")).toHaveText([`docs (Shop / production) — ${account}/site`, `web (Shop / production) — ${account}/web`]);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Disconnect" }).click();

  // Afterwards the page says what changed and how to uninstall the App on GitHub.
  await expect(page).toHaveURL(`${gitHref}?disconnected=${account}&account=Organization`);
  await expect(notifications(page)).toContainText(`Disconnected the GitHub account ${account}.`);
  const done = page.getByTestId("git-disconnected");
  await expect(done).toContainText(`${org.name} is disconnected from ${account}: the platform can again see all the repositories your own Git account can.`);
  await expect(done).toContainText("Applications → Installed GitHub Apps");
  await expect(done.getByRole("link", { name: /Open installed GitHub Apps/ })).toHaveAttribute("href", `${process.env.E2E_GITHUB_URL}/organizations/${account}/settings/installations`);
  await expect(page.getByRole("button", { name: "Install Github Application to manage permission" })).toBeVisible();
  await expectAccessible(page);

  // Without the installation the application has no warning, and the repository is typed again.
  await page.goto(`${environmentHref}/applications/${api.id}`);
  await expect(page.getByTestId("application-git-warning")).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: /^Git repository/ })).toHaveValue(`${account}/api`);
  expect((await db.select().from(applications).where(eq(applications.orgId, org.id))).map((app) => app.name).sort()).toEqual(["api", "docs", "web"]);
});

test("a developer gets the Admin role refusal on the Git page", async ({ page, db, signIn }) => {
  const { users, gitHref } = await setUp(db);
  await signIn(page, users.developer, { callbackUrl: gitHref });
  await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Install Github Application to manage permission" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Git Permission" })).toHaveCount(0);
  await expectAccessible(page);
});
