import { eq } from "drizzle-orm";
import { invitations } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, submitDevSignIn, test } from "./fixtures";
import { membersPage } from "./support/members-page";

// Limits as people meet them in forms. playwright.config.ts sets the server's per-inviter and
// per-email limits low (12 invitations an hour, 8 sign-ins an hour per email) and its per-address
// limits high, since every spec signs in from 127.0.0.1; each test here spends its own inviter's
// and its own email's budget, so no other spec comes near either.

const invitesPerHour = 12;
const signInsPerEmail = 8;
const addresses = (n: number, who: string) => Array.from({ length: n }, (_, i) => `${who}-${i}-${uniqueTag()}@example.test`);
// A time on another day (past midnight UTC) names the day first: "4 Dec, 00:53 UTC (in about an hour)".
const utcTime = String.raw`(\d{1,2} [A-Z][a-z]{2}, )?\d{2}:\d{2} UTC \(in (\d+ minutes?|about an hour)\)`;

test("the invite form refuses a list over the hourly limit whole, says how many are left and when more can be sent", async ({ page, db, signIn }) => {
  test.slow();
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, people.admin, { callbackUrl: members.path });

  const first = addresses(invitesPerHour - 2, "first");
  await members.invite(first.join(", "), "Viewer");
  await expect(members.toast(`Invited ${first.length} people as Viewer.`)).toBeVisible();

  const tooMany = addresses(5, "over").join("\n");
  await members.invite(tooMany, "Viewer");
  const emails = page.getByRole("textbox", { name: /^Email addresses/ });
  await expect(emails).toHaveAttribute("aria-invalid", "true");
  await expect(emails).toHaveAccessibleDescription(
    new RegExp(`You can send 2 more invitations this hour and this list has 5, so none of them were sent\\. Invite at most 2 now, or up to ${invitesPerHour} after ${utcTime}\\.$`),
  );
  await expect(emails).toHaveValue(tooMany);
  await expectNoA11yViolations(page);

  const last = addresses(2, "last");
  await members.invite(last.join(", "), "Developer");
  await expect(members.toast("Invited 2 people as Developer.")).toBeVisible();
  await members.invite(addresses(1, "one-more")[0], "Developer");
  await expect(emails).toHaveAccessibleDescription(
    new RegExp(`You have sent the ${invitesPerHour} invitations allowed in an hour, so it was not sent\\. You can send ${invitesPerHour} more after ${utcTime}\\.$`),
  );

  const rows = await db.select({ email: invitations.email }).from(invitations).where(eq(invitations.orgId, org.id));
  expect(rows.map((row) => row.email).sort()).toEqual([...first, ...last].sort());
});

test("the development sign-in says when an email may try again after too many attempts", async ({ page }) => {
  test.slow();
  const email = `busy-${uniqueTag()}@example.test`;
  for (let attempt = 0; attempt < signInsPerEmail; attempt++) {
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await submitDevSignIn(page, { email });
    await page.waitForURL(/\/orgs\/[^/]+$/);
  }
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await submitDevSignIn(page, { email });
  // The sign-in form's own error line (the demo user picker below has one too).
  const form = page.locator("form", { has: page.getByRole("button", { name: "Sign in with email" }) });
  await expect(form.getByTestId("form-error")).toHaveText(new RegExp(`^Too many sign-in attempts for this email address\\. Try again after ${utcTime}\\.$`));
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(form.getByRole("textbox", { name: /^Email/ })).toHaveValue(email);
  await expectNoA11yViolations(page);
});
