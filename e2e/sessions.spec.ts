import { eq } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import { makeTeamOrg, makeUser } from "@/lib/factories";
import { expect, signIn, test } from "./fixtures";
import { navbar } from "./support/navbar";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 13: sessions end on the server. A copied cookie opens nothing once its session is signed
// out, here or from another browser.

test("signing out ends the session: a copy of the cookie taken before opens nothing", async ({ page, browser, db }) => {
  const user = await makeUser(db);
  const org = await makeTeamOrg(db, user);
  await signIn(page, user, { callbackUrl: `/orgs/${org.slug}` });
  const copied = await page.context().cookies();

  await navbar(page).signOut();
  expect(await db.select().from(userSessions).where(eq(userSessions.userId, user.id))).toEqual([]);

  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto(`/orgs/${org.slug}/settings/danger-zone`);
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole("heading", { name: "Sign in to Org Console" })).toBeVisible();
    // Route handlers and the account page refuse it too.
    expect((await stolen.request.get(`/api/orgs/${org.slug}/projects`)).status()).toBe(401);
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in/);
  } finally {
    await thief.close();
  }
});

test("Sign out of all other sessions, from /account, signs the other browser out at once", async ({ page, browser, db }) => {
  const user = await makeUser(db);
  const org = await makeTeamOrg(db, user);
  const other = await browser.newContext();
  try {
    const laptop = await other.newPage();
    await signIn(laptop, user, { callbackUrl: `/orgs/${org.slug}` });
    await signIn(page, user, { callbackUrl: "/account" });

    const sessions = page.getByRole("region", { name: "Sessions" });
    await expect(sessions.getByText("You are also signed in in 1 other browser.", { exact: false })).toBeVisible();
    await expectWorksEverywhere(page);
    await sessions.getByRole("button", { name: "Sign out of all other sessions" }).click();
    await expect(page.getByText("Signed out of 1 other session.")).toBeVisible();
    await expect(sessions.getByText("You are signed in only in this browser.")).toBeVisible();
    // Nothing left to sign out: the button says why it is off.
    await expect(sessions.getByRole("button", { name: "Sign out of all other sessions" })).toHaveAttribute("aria-disabled", "true");

    await laptop.reload();
    await expect(laptop).toHaveURL(/\/sign-in/);
    // This browser is still signed in.
    await page.goto(`/orgs/${org.slug}`);
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}$`));
  } finally {
    await other.close();
  }
});
