import { and, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { joinRequests, memberships, users } from "@/db/schema";
import { makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { makeJoinRequest, makeOrgDomain, uniqueDomain } from "@/lib/factories/domains";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { publishTxt } from "./support/dns";
import { waitForEmail } from "./support/mailbox";
import { expectWorksEverywhere } from "./support/responsive";
import { focusRowMenu } from "./support/row-menu";
import { orgSwitcher } from "./support/switcher";

// Issue 16, part 1: an admin adds a domain, publishes its TXT record (on the local DNS server the
// console's DNS_RESOLVER points at), verifies it and lets people ask to join; a colleague at that
// domain asks from the switcher; the admin approves in Members → Requests; both get their email.

test.describe.configure({ timeout: 180_000 });

/** axe in light and dark at 1280 px, then at 390 px with no sideways scroll. */
async function checkEverywhere(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoA11yViolations(page);
  }
  await page.emulateMedia({ colorScheme: null });
  await expectWorksEverywhere(page);
}

test("an admin verifies a domain and lets people ask to join; a colleague asks from the switcher; the admin approves", async ({ browser, page, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db, { plan: "business" });
  const domain = uniqueDomain();
  const notifications = page.getByRole("region", { name: /Notifications/ });

  await signIn(page, people.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  await page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Verified domains" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verified domains" })).toBeVisible();

  // Odd input is refused next to the field.
  const field = page.getByRole("textbox", { name: /^Domain/ });
  await field.fill("jane@acme.com");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.locator("#field-domain-error")).toContainText("without the part before @");

  await field.fill(` ${domain.toUpperCase()}. `);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(notifications).toContainText(`${domain} added`);
  const card = page.getByRole("region", { name: domain });
  await expect(card.getByText("Not verified")).toBeVisible();
  await expect(card.getByTestId("txt-name")).toHaveText(`_org-console-challenge.${domain}`);
  await checkEverywhere(page);

  // Before the record exists, verification says so.
  await card.getByRole("button", { name: "Verify" }).click();
  await expect(card.getByTestId("form-error")).toContainText(`No TXT record was found at _org-console-challenge.${domain}`);

  await publishTxt(`_org-console-challenge.${domain}`, [(await card.getByTestId("txt-value").textContent()) ?? ""]);
  await card.getByRole("button", { name: "Verify" }).click();
  await expect(card.getByText("Verified", { exact: true })).toBeVisible();
  await card.getByRole("radio", { name: "Request to join" }).check();
  await card.getByRole("button", { name: "Save policy" }).click();
  await expect(notifications).toContainText(`The join policy of ${domain} is saved.`);
  await checkEverywhere(page);

  // A colleague at that domain signs in for the first time and finds the organization in the switcher.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const colleagueEmail = `casey@${domain}`;
  await signIn(colleague, { email: colleagueEmail });
  const switcher = orgSwitcher(colleague);
  await switcher.open();
  await switcher.option(new RegExp(`^Request to join: ${org.name}`)).click();
  await expect(colleague.getByRole("heading", { level: 1, name: `Request to join ${org.name}` })).toBeVisible();
  await checkEverywhere(colleague);
  await colleague.getByRole("button", { name: "Request to join" }).click();
  await expect(colleague.getByRole("region", { name: /Notifications/ })).toContainText("was sent to its admins");
  await expect(colleague.getByRole("status").filter({ hasText: `You asked to join ${org.name}` })).toBeVisible();
  await colleagueContext.close();

  const received = await waitForEmail(people.admin.email, { subject: `asks to join ${org.name}` });
  expect(received.text).toContain(`/orgs/${org.slug}/settings/members?tab=requests`);

  // The admin answers in Members → Requests.
  await page.goto(`/orgs/${org.slug}/settings/members`);
  const requestsTab = page.getByRole("navigation", { name: "Members and invitations" }).getByRole("link", { name: /^Requests\s*1$/ });
  await requestsTab.click();
  await expect(requestsTab).toHaveAttribute("aria-current", "page");
  const row = page.getByTestId("join-request-row").filter({ hasText: colleagueEmail });
  await expect(row).toBeVisible();
  await checkEverywhere(page);
  // One plain row: "Approve…" opens the table's one dialog, where the role is chosen.
  await row.getByRole("button", { name: /^Approve/ }).click();
  const approve = page.getByRole("alertdialog", { name: /^Approve / });
  await expect(approve.getByRole("combobox", { name: "Role", exact: true })).toHaveValue("developer");
  await checkEverywhere(page);
  await approve.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(notifications).toContainText("joined as Developer");
  await expect(row).toBeHidden();

  await waitForEmail(colleagueEmail, { subject: `You joined ${org.name}` });
  const roles = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.orgId, org.id));
  expect(roles.map((r) => r.role).sort()).toEqual(["admin", "developer", "developer", "owner", "viewer"]);
});

test("a colleague at a domain that lets people join automatically joins from the switcher, as Developer at most", async ({ page, db, signIn }) => {
  const { org } = await makeOrgWithEveryRole(db, { plan: "business" });
  const domain = await makeOrgDomain(db, org, { policy: "auto_join", role: "developer" });
  const email = `jo@${domain.domain}`;

  await signIn(page, { email });
  const switcher = orgSwitcher(page);
  await switcher.open();
  await expect(switcher.status).toContainText("1 you can join");
  await switcher.option(new RegExp(`^Join: ${org.name}`)).click();
  await expect(page.getByRole("heading", { level: 1, name: `Join ${org.name}` })).toBeVisible();
  await expect(page.getByText("You can join it now as Developer.")).toBeVisible();
  await page.getByRole("button", { name: `Join ${org.name}` }).click();
  await page.waitForURL(`/orgs/${org.slug}`);
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText(`You joined ${org.name} as Developer.`);

  const [joined] = await db.select({ role: memberships.role }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(users.email, email), eq(memberships.orgId, org.id)));
  expect(joined).toEqual({ role: "developer" });
  // Joined, the page offers nothing more.
  await page.goto(`/join/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Nothing to join here" })).toBeVisible();
});

test("an admin declines a request from its row's menu, by keyboard; the person is told by email", async ({ page, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db, { plan: "business" });
  const domain = await makeOrgDomain(db, org, { policy: "request" });
  const asker = await makeUser(db, { email: `sam@${domain.domain}`, name: "Sam Asker" });
  const request = await makeJoinRequest(db, org, asker, domain.domain);

  await signIn(page, people.admin, { callbackUrl: `/orgs/${org.slug}/settings/members?tab=requests` });
  const row = page.getByTestId("join-request-row").filter({ hasText: "Sam Asker" });
  await expect(row).toBeVisible();
  const trigger = row.getByRole("button", { name: "Actions for the request of Sam Asker", exact: true });
  await focusRowMenu(trigger);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu").getByRole("menuitem", { name: "Decline…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Decline the request of Sam Asker?" });
  await expect(dialog).toBeVisible();
  await checkEverywhere(page);
  await dialog.getByRole("button", { name: "Decline request", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("The request of Sam Asker was declined.");
  await expect(row).toBeHidden();

  await waitForEmail(asker.email, { subject: `Your request to join ${org.name} was declined` });
  const [stored] = await db.select({ status: joinRequests.status, decidedBy: joinRequests.decidedBy }).from(joinRequests).where(eq(joinRequests.id, request.id));
  expect(stored).toEqual({ status: "declined", decidedBy: people.admin.id });
  const [member] = await db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, asker.id)));
  expect(member).toBeUndefined();
});
