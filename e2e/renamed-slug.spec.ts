import type { Browser } from "@playwright/test";
import { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { expect, test, signIn } from "./fixtures";

// Issue 15, part 4: after a rename in General Information, the old URL (any page, with its query)
// answers a permanent redirect to the same page under the new slug, for the organization's
// members; anyone else gets the ordinary 404; once another organization takes the slug, the old
// URL is that organization's.

async function pageOf(browser: Browser, user: { email: string }, callbackUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, { callbackUrl });
  return { page, close: () => context.close() };
}

test("a renamed organization's old URL lands members on the same page under the new slug", async ({ page, browser, db }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const oldSlug = org.slug;
  const newSlug = `renamed-${uniqueTag()}`;
  await signIn(page, users.admin, { callbackUrl: `/orgs/${oldSlug}/settings/general` });
  await page.getByRole("textbox", { name: /^Slug/ }).fill(newSlug);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(`/orgs/${newSlug}/settings/general`);

  // A bookmark of a deep page with its query: one permanent redirect, then the page.
  const response = await page.goto(`/orgs/${oldSlug}/settings/members?tab=invitations`);
  expect(response?.status()).toBe(200);
  expect(await response?.request().redirectedFrom()?.response().then((first) => first?.status())).toBe(308);
  await expect(page).toHaveURL(`/orgs/${newSlug}/settings/members?tab=invitations`);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  // Any member, any page their role opens.
  const viewer = await pageOf(browser, users.viewer, `/orgs/${newSlug}`);
  try {
    await viewer.page.goto(`/orgs/${oldSlug}`);
    await expect(viewer.page).toHaveURL(`/orgs/${newSlug}`);
    await expect(viewer.page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  } finally {
    await viewer.close();
  }

  // Someone outside the organization learns nothing: the ordinary 404, the old URL kept.
  const outsider = await pageOf(browser, users.outsider, "/account");
  try {
    const answer = await outsider.page.goto(`/orgs/${oldSlug}/settings`);
    expect(answer?.status()).toBe(404);
    await expect(outsider.page).toHaveURL(`/orgs/${oldSlug}/settings`);
    await expect(outsider.page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  } finally {
    await outsider.close();
  }

  // Another organization takes the old slug: the redirect is gone, the slug is the new holder's.
  const taker = await makeTeamOrg(db, await makeUser(db), { slug: oldSlug, name: `Taker ${uniqueTag()}` });
  const answer = await page.goto(`/orgs/${oldSlug}`);
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(taker.slug).toBe(oldSlug);
});
