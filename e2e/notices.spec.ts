import { and, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { noticeUnsubscribes, organizations } from "@/db/schema";
import { makeOrgWithEveryRole, makeTeamOrg, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { postMaintenance } from "@/lib/notifications/maintenance";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { waitForEmail } from "./support/mailbox";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 15, part 2: what the admin contact emails receive (General Information), "Send a test
// report" through the mail outbox to the capture server, and the email's one-click unsubscribe
// page, which needs no sign-in and changes nothing until its button is pressed.

const recipient = (page: Page, email: string) => page.getByRole("listitem", { name: email, exact: true });
const receivesAll = (page: Page, email: string) => recipient(page, email).getByText("Receives all four kinds.");
const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

test("an admin sends a test report; its unsubscribe link stops weekly reports for that address; Subscribe again brings them back", async ({ page, browser, baseURL, db, signIn }) => {
  // A long journey with three light/dark/phone checks, and an email through the outbox.
  test.slow();
  const { org, users } = await makeOrgWithEveryRole(db);
  const contact = `ops-${uniqueTag()}@example.test`;
  await db.update(organizations).set({ adminContactEmails: [contact] }).where(eq(organizations.id, org.id));
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });

  const card = page.getByRole("region", { name: "What the admin contact emails receive" });
  await expect(card).toBeVisible();
  await expect(receivesAll(page, contact)).toBeVisible();
  await expectWorksEverywhere(page);

  // Keyboard: focus the button and press Enter.
  await card.getByRole("button", { name: "Send a test report" }).focus();
  await page.keyboard.press("Enter");
  await expect(notifications(page).getByText(`Test report queued for ${contact}.`)).toBeVisible();
  const email = await waitForEmail(contact, { subject: "[Test] Weekly usage report" });
  expect(email.text).toContain(`Weekly usage report for ${org.name}`);
  const link = /https?:\/\/\S+\/api\/unsubscribe\/\S+/.exec(email.text)?.[0];
  expect(link, "the email carries its unsubscribe link").toBeTruthy();

  // The link, opened without a session: a page that says what stops, and changes nothing yet.
  const anonymous = await browser.newContext({ baseURL });
  const visitor = await anonymous.newPage();
  try {
    const path = new URL(link!).pathname;
    const shown = await visitor.goto(path);
    expect(shown?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
    await expect(visitor.getByText(`Stop sending weekly usage reports of ${org.name} to ${contact}?`)).toBeVisible();
    await expectWorksEverywhere(visitor);
    expect(await db.$count(noticeUnsubscribes, eq(noticeUnsubscribes.orgId, org.id))).toBe(0);
    await visitor.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
    await expect(visitor.getByRole("status")).toHaveText(`${contact} will no longer receive weekly usage reports of ${org.name}.`);
    await expectNoA11yViolations(visitor);
  } finally {
    await anonymous.close();
  }
  expect(await db.select({ email: noticeUnsubscribes.email, kind: noticeUnsubscribes.kind }).from(noticeUnsubscribes).where(eq(noticeUnsubscribes.orgId, org.id))).toEqual([
    { email: contact, kind: "weekly_report" },
  ]);

  await page.reload();
  const weekly = page.getByRole("list", { name: `What ${contact} unsubscribed from` }).getByRole("listitem");
  await expect(weekly).toHaveText(/^Unsubscribed from weekly usage reports/);
  await expect(receivesAll(page, contact)).toHaveCount(0);
  await expectWorksEverywhere(page);
  await weekly.getByRole("button", { name: /^Subscribe again/ }).click();
  await expect(notifications(page).getByText(`${contact} receives weekly usage reports again.`)).toBeVisible();
  await expect(receivesAll(page, contact)).toBeVisible();
  expect(await db.$count(noticeUnsubscribes, and(eq(noticeUnsubscribes.orgId, org.id)))).toBe(0);
});

test("without admin contact emails the owner and admins are listed as recipients; a forged unsubscribe link answers 400 with a clear page", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.owner, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  // No contact emails: the owner and admin receive them.
  await expect(page.getByText("No admin contact email is set: the owner and admins receive them.")).toBeVisible();
  for (const person of [users.owner, users.admin]) await expect(receivesAll(page, person.email.toLowerCase())).toBeVisible();
  await expect(recipient(page, users.developer.email.toLowerCase())).toHaveCount(0);
  await expectWorksEverywhere(page);

  const forged = await page.goto("/api/unsubscribe/u1.not-a-real-token");
  expect(forged?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a maintenance notice for an organization's cluster shows as a banner on its pages, not on another organization's", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const other = await makeTeamOrg(db, users.developer);
  const cluster = await makeCluster(db, org, { name: `edge-${uniqueTag()}`, status: "running" });
  const message = `Control plane upgrade ${uniqueTag()}`;
  const outcome = await postMaintenance(db, { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), message, clusterIds: [cluster.id] }, "http://console.test");
  expect(outcome).toMatchObject({ ok: true });
  await signIn(page, users.developer, { callbackUrl: `/orgs/${org.slug}` });
  for (const path of [`/orgs/${org.slug}`, `/orgs/${org.slug}/settings/general`]) {
    await page.goto(path);
    await expect(page.getByRole("status").filter({ hasText: message })).toContainText("Maintenance in progress until");
  }
  await expectWorksEverywhere(page);
  await page.goto(`/orgs/${other.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(message)).toHaveCount(0);
});
