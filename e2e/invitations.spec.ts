import { and, eq } from "drizzle-orm";
import { invitations, memberships, users } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, expectSignInFor, submitDevSignIn, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { emailsTo, linkIn, waitForEmail } from "./support/mailbox";
import { membersPage } from "./support/members-page";

// Invitations travel through the console's real mail path: nodemailer over SMTP to the capture
// server playwright.config.ts starts, read back here over its HTTP API.

const newAddress = (who: string) => `${who}-${uniqueTag()}@example.test`;

test("an invitation goes out by email; the invitee signs in from its link, accepts and is listed", async ({ page, browser, db, signIn }) => {
  // A long journey with axe in light and dark at two widths on every state: real work, not a wait.
  test.slow();
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const invitee = { email: newAddress("ivy"), name: `Ivy Invitee ${uniqueTag()}` };
  const members = membersPage(page, org.slug);

  await signIn(page, people.admin, { callbackUrl: members.path });
  await expect(page.getByTestId("seat-usage")).toHaveText("4 of 200 seats used (0 pending)");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Invite members", exact: true }).click();
  await expect(members.inviteDialog).toBeVisible();
  await expectWorksEverywhere(page);
  await members.invite(invitee.email, "Developer");
  await expect(members.toast(`Invited ${invitee.email} as Developer.`)).toBeVisible();
  // Sent: the dialog closes, the Invitations tab counts it and lists it (and only invitations).
  await expect(members.inviteDialog).toBeHidden();
  await expect(members.tab("Invitations")).toHaveText("Invitations1");
  await members.openTab("Invitations");
  await expect(page).toHaveURL(`${members.path}?tab=invitations`);
  await expect(page.getByTestId("member-row")).toHaveCount(0);
  await expect(members.invitationRow(invitee.email)).toContainText("Developer");
  await expect(members.invitationRow(invitee.email)).toContainText("Adam Admin");
  await expect(page.getByTestId("seat-usage")).toHaveText("5 of 200 seats used (1 pending)");
  await expectWorksEverywhere(page);

  const email = await waitForEmail(invitee.email, { subject: org.name });
  expect(email.subject).toBe(`Adam Admin invited you to join ${org.name} on Org Console`);
  expect(email.from).toContain("no-reply@org-console.test");
  expect(email.text).toContain(`as Developer`);
  const link = linkIn(email);
  const linkPath = new URL(link).pathname;
  expect(link.startsWith(test.info().project.use.baseURL ?? "")).toBe(true);

  // The invitee has no account yet: the link leads through sign-in and back.
  const inviteeContext = await browser.newContext();
  try {
    const inviteePage = await inviteeContext.newPage();
    await inviteePage.goto(link);
    await expectSignInFor(inviteePage, linkPath);
    await submitDevSignIn(inviteePage, invitee);
    await inviteePage.waitForURL((url) => url.pathname === linkPath);
    await expect(inviteePage.getByRole("heading", { level: 1, name: `Join ${org.name}` })).toBeVisible();
    await expect(inviteePage.getByText(`Adam Admin invited you to join ${org.name} as Developer.`)).toBeVisible();
    await expect(inviteePage.getByText(`The invitation is for ${invitee.email}`)).toBeVisible();
    await expectWorksEverywhere(inviteePage);

    await inviteePage.getByRole("button", { name: "Accept", exact: true }).click();
    await inviteePage.waitForURL(`/orgs/${org.slug}`);
    await expect(inviteePage.getByRole("region", { name: /Notifications/ }).getByText(`You joined ${org.name}.`)).toBeVisible();
    await expect(inviteePage.locator("dl > div").filter({ hasText: "Your role" }).locator("dd")).toHaveText("Developer");

    // The link has done its work.
    await inviteePage.goto(link);
    await expect(inviteePage.getByRole("heading", { level: 1, name: "This invitation was already accepted" })).toBeVisible();
    await expect(inviteePage.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
    await expect(inviteePage.getByRole("link", { name: `Go to ${org.name}` })).toHaveAttribute("href", `/orgs/${org.slug}`);
    await expectWorksEverywhere(inviteePage);
  } finally {
    await inviteeContext.close();
  }

  await members.goto();
  await expect(members.memberRow(invitee.name)).toContainText(invitee.email);
  await expect(members.memberRow(invitee.name)).toContainText("Developer");
  await members.openTab("Invitations");
  await expect(members.invitationRow(invitee.email)).toHaveCount(0);
  await expect(page.getByTestId("seat-usage")).toHaveText("5 of 200 seats used (0 pending)");

  const [joined] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, org.id), eq(users.email, invitee.email)));
  expect(joined?.role).toBe("developer");
});

test("resending an invitation sends the same link again and counts it", async ({ page, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const address = newAddress("resend");
  const members = membersPage(page, org.slug);

  await signIn(page, people.owner, { callbackUrl: members.path });
  await members.invite(address, "Viewer");
  await expect(members.toast(`Invited ${address} as Viewer.`)).toBeVisible();
  const first = await waitForEmail(address);
  await members.openTab("Invitations");
  await expect(members.invitationRow(address)).toContainText("never");

  await members.resend(address);
  await expect(members.toast(`Invitation sent again to ${address}.`)).toBeVisible();
  const second = await waitForEmail(address, { count: 2 });
  expect(await emailsTo(address)).toHaveLength(2);
  expect(second.subject).toBe(first.subject);
  expect(linkIn(second)).toBe(linkIn(first));
  await expect(members.invitationRow(address)).toContainText("1×");
  await expectNoA11yViolations(page);

  const [row] = await db.select().from(invitations).where(and(eq(invitations.orgId, org.id), eq(invitations.email, address)));
  expect(row).toMatchObject({ status: "pending", resentCount: 1 });
});

test("a revoked invitation's link shows the revoked page", async ({ page, browser, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const address = newAddress("revoked");
  const members = membersPage(page, org.slug);

  await signIn(page, people.admin, { callbackUrl: members.path });
  await members.invite(address, "Admin");
  await expect(members.toast(`Invited ${address} as Admin.`)).toBeVisible();
  const link = linkIn(await waitForEmail(address));

  await members.revoke(address);
  await expect(members.toast(`The invitation for ${address} was revoked.`)).toBeVisible();
  await expect(members.invitationRow(address)).toHaveCount(0);
  await expect(page.getByTestId("seat-usage")).toHaveText("4 of 200 seats used (0 pending)");

  const inviteeContext = await browser.newContext();
  try {
    const inviteePage = await inviteeContext.newPage();
    await inviteePage.goto(link);
    await submitDevSignIn(inviteePage, { email: address });
    await inviteePage.waitForURL((url) => url.pathname === new URL(link).pathname);
    await expect(inviteePage.getByRole("heading", { level: 1, name: "This invitation was revoked" })).toBeVisible();
    await expect(inviteePage.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
    await expectWorksEverywhere(inviteePage);
  } finally {
    await inviteeContext.close();
  }
  const joined = await db
    .select()
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, org.id), eq(users.email, address)));
  expect(joined).toHaveLength(0);
});

test("an invitation opened by another account says which email it is for, and cannot be accepted", async ({ page, browser, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const address = newAddress("someone");
  const members = membersPage(page, org.slug);
  await signIn(page, people.admin, { callbackUrl: members.path });
  await members.invite(address, "Developer");
  const link = linkIn(await waitForEmail(address));

  const otherContext = await browser.newContext();
  try {
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, people.outsider);
    await otherPage.goto(link);
    await expect(otherPage.getByRole("heading", { level: 1, name: "This invitation is for another email" })).toBeVisible();
    await expect(otherPage.getByText(`is for ${address}. You are signed in as ${people.outsider.email}.`)).toBeVisible();
    await expect(otherPage.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
    await expectWorksEverywhere(otherPage);
  } finally {
    await otherContext.close();
  }
  const [row] = await db.select().from(invitations).where(and(eq(invitations.orgId, org.id), eq(invitations.email, address)));
  expect(row?.status).toBe("pending");
});

test("the invite form names every address it cannot invite, and invites none of the list", async ({ page, db, signIn }) => {
  const { org, users: people } = await makeOrgWithEveryRole(db);
  const fresh = newAddress("fresh");
  const members = membersPage(page, org.slug);
  await signIn(page, people.admin, { callbackUrl: members.path });

  await members.invite(`${fresh}, not-an-email`, "Developer");
  const emails = page.getByRole("textbox", { name: /^Email addresses/ });
  await expect(emails).toHaveAttribute("aria-invalid", "true");
  await expect(emails).toHaveAccessibleDescription(/Not a valid email address: not-an-email\./);
  await expect(emails).toHaveValue(`${fresh}, not-an-email`);

  await members.invite(`${fresh}\n${people.viewer.email}`, "Developer");
  await expect(emails).toHaveAccessibleDescription(new RegExp(`${people.viewer.email.replace(/[.]/g, "\\.")} is already a member\\.`));
  await expectNoA11yViolations(page);

  await members.invite(fresh, "Developer");
  await expect(members.toast(`Invited ${fresh} as Developer.`)).toBeVisible();
  await members.invite(fresh.toUpperCase(), "Viewer");
  await expect(emails).toHaveAccessibleDescription(/is already invited: resend the invitation from Pending invitations instead\./);

  const rows = await db.select().from(invitations).where(eq(invitations.orgId, org.id));
  expect(rows.map((row) => row.email)).toEqual([fresh]);
  expect(await emailsTo(people.viewer.email)).toHaveLength(0);
});
