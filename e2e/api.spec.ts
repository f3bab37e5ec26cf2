import { and, eq } from "drizzle-orm";
import type { APIRequestContext, Page } from "@playwright/test";
import { organizations, projects } from "@/db/schema";
import { makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeApiToken } from "@/lib/factories/api-tokens";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 6 (7): a personal API token made on /account, then the CLI's API called the way curl
// would (Playwright's `request`: a plain HTTP client with no browser cookies), then revoked.

const resolvePath = "/api/v1/projects/resolve";

/** Waits for the toast to come and go: axe would read a fading toast's contrast mid-animation. */
async function toastCameAndWent(page: Page, message: string) {
  const toast = page.getByRole("region", { name: /Notifications/ }).getByText(message);
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden();
}

function tokensSection(page: Page) {
  const section = page.getByRole("region", { name: "API tokens" });
  return {
    section,
    name: section.getByRole("textbox", { name: /^Token name/ }),
    expiry: section.getByRole("combobox", { name: "Expiration", exact: true }),
    date: section.getByLabel("Expiration date"),
    create: section.getByRole("button", { name: "Create token" }),
    newToken: section.getByTestId("new-api-token"),
    row: (name: string) => section.getByTestId("api-token-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) }),
  };
}

/** POST as the CLI would: nothing but the headers given. */
function resolveAs(request: APIRequestContext, headers: Record<string, string>) {
  return request.post(resolvePath, { headers, maxRedirects: 0 });
}

test("a token made on /account lets the CLI resolve projects until it is revoked", async ({ page, db, signIn, request }) => {
  const user = await makeUser(db);
  const [personal] = await db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
  await signIn(page, user, { callbackUrl: "/account" });
  const tokens = tokensSection(page);

  await tokens.name.fill("Laptop");
  await tokens.create.click();
  await expect(tokens.newToken).toContainText("You will not see it again");
  const tokenBox = tokens.newToken.getByRole("textbox", { name: "API token Laptop" });
  await expect(tokenBox).toBeFocused();
  const token = await tokenBox.inputValue();
  expect(token).toMatch(/^oc_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.newToken.getByRole("button", { name: "Copy the token Laptop" })).toBeVisible();
  await expect(tokens.row("Laptop")).toContainText(`oc_${token.slice(3, 11)}…`);
  await expect(tokens.row("Laptop").getByTestId("api-token-last-used")).toHaveText("Never");
  await toastCameAndWent(page, "Created the token Laptop.");
  await expectWorksEverywhere(page);

  // Without a token, or without a key: JSON that says what is missing.
  const anonymous = await resolveAs(request, { "X-Project-Key": "web" });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toBe('Bearer realm="Org Console"');
  expect(anonymous.headers()["content-type"]).toContain("application/json");
  expect(await anonymous.json()).toMatchObject({ error: "missing_token" });
  const keyless = await resolveAs(request, { Authorization: `Bearer ${token}` });
  expect(keyless.status()).toBe(400);
  expect(await keyless.json()).toEqual({ error: "missing_project_key", message: "Send the project key in the X-Project-Key header." });

  // A new key: made in the personal organization (201); the same key again finds it (200).
  const key = `cli-${uniqueTag()}`;
  const created = await resolveAs(request, { Authorization: `Bearer ${token}`, "X-Project-Key": key });
  expect(created.status()).toBe(201);
  expect(created.headers()["cache-control"]).toBe("no-store");
  const body = await created.json();
  expect(body).toMatchObject({ project: { name: key, key }, organization: { slug: personal.slug, kind: "personal" }, created: true });
  const again = await resolveAs(request, { Authorization: `Bearer ${token}`, "X-Project-Key": key.toUpperCase() });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ ...body, created: false });
  expect(await db.select().from(projects).where(and(eq(projects.orgId, personal.id), eq(projects.key, key)))).toHaveLength(1);

  // A team organization of the user with the key wins.
  const team = await makeTeamOrg(db, user);
  const [teamProject] = await db.insert(projects).values({ orgId: team.id, name: "Shared web", key: `web-${uniqueTag()}` }).returning();
  const shared = await resolveAs(request, { Authorization: `Bearer ${token}`, "X-Project-Key": teamProject.key });
  expect(await shared.json()).toEqual({ project: { id: teamProject.id, name: "Shared web", key: teamProject.key }, organization: { slug: team.slug, name: team.name, kind: "team" }, created: false });

  // The page no longer shows the token, and says it was used.
  await page.reload();
  await expect(tokens.newToken).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(tokens.row("Laptop").getByTestId("api-token-last-used")).toHaveText(/just now|minute ago/);

  await tokens.row("Laptop").getByRole("button", { name: "Revoke the token Laptop" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke the token Laptop?" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("Revoked the token Laptop");
  await expect(tokens.row("Laptop")).toHaveCount(0);

  const revoked = await resolveAs(request, { Authorization: `Bearer ${token}`, "X-Project-Key": key });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: "invalid_token", message: expect.stringContaining("revoked") });
});

test("a token can expire on a chosen date; expired tokens are marked and refused", async ({ page, db, signIn, request }) => {
  const user = await makeUser(db);
  const old = await makeApiToken(db, user, { name: "Old CI", expiresAt: new Date("2024-01-15T00:00:00Z") });
  await signIn(page, user, { callbackUrl: "/account" });
  const tokens = tokensSection(page);

  await expect(tokens.row("Old CI").getByTestId("api-token-expires")).toHaveText(/^Expired\s*Jan 15, 2024$/);
  const refused = await resolveAs(request, { Authorization: `Bearer ${old.token}`, "X-Project-Key": "web" });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_token", message: expect.stringContaining("expired on 2024-01-15") });

  // The date appears only for "Custom date"; a past date is refused next to it.
  await expect(tokens.date).toBeHidden();
  await tokens.name.fill("Release bot");
  await tokens.expiry.selectOption({ label: "Custom date" });
  await expect(tokens.date).toBeVisible();
  await tokens.date.fill("2020-01-01");
  await tokens.create.click();
  await expect(tokens.date).toHaveAccessibleDescription(/Choose a date after today/);
  await expect(tokens.name).toHaveValue("Release bot");

  const year = new Date().getUTCFullYear() + 1;
  await tokens.date.fill(`${year}-07-01`);
  await tokens.create.click();
  await expect(tokens.newToken).toContainText("Release bot");
  await expect(tokens.row("Release bot").getByTestId("api-token-expires")).toHaveText(`Jul 1, ${year}`);
  await toastCameAndWent(page, "Created the token Release bot.");
  await expectNoA11yViolations(page);
});
