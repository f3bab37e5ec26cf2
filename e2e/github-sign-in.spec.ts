import { and, eq } from "drizzle-orm";
import { accounts, memberships, organizations, users } from "@/db/schema";
import { uniqueTag } from "@/lib/factories";
import { expect, test } from "./fixtures";
import { navbar } from "./support/navbar";

// "Continue with GitHub" through Auth.js's real GitHub provider, pointed by AUTH_GITHUB_URL at the
// local server in scripts/lib/fake-github.ts that speaks GitHub's OAuth and REST protocol.
test("a first GitHub sign-in creates the user and their personal organization; the next one finds them", async ({ page, db }) => {
  const login = `octo-${uniqueTag()}`;
  const email = `${login}@github.test`;

  async function signInWithGitHub() {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await expect(page.getByRole("heading", { name: "Authorize Org Console" })).toBeVisible();
    await page.getByLabel("Login").fill(login);
    await page.getByLabel("Name").fill("Octo Cat");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Authorize" }).click();
    await page.waitForURL(/\/orgs\/[^/]+$/);
  }

  await signInWithGitHub();
  await expect(page.getByRole("heading", { level: 1, name: "Octo Cat" })).toBeVisible();
  await expect(page.getByText("Personal organization", { exact: true })).toBeVisible();

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const linked = await db.select().from(accounts).where(and(eq(accounts.userId, user.id), eq(accounts.provider, "github")));
  expect(linked).toHaveLength(1);
  const owned = await db
    .select({ kind: organizations.kind, plan: organizations.plan, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, user.id));
  expect(owned).toEqual([{ kind: "personal", plan: "free", role: "owner" }]);

  await navbar(page).signOut();
  await signInWithGitHub();
  expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
});
