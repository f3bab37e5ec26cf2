import { and, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { addBulkMembers, insertBulkInvitations, insertBulkUsers } from "@/lib/factories/bulk";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { waitForEmail } from "./support/mailbox";
import { membersPage } from "./support/members-page";
import { focusRowMenu } from "./support/row-menu";

async function roleOf(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

test("the members page lists everyone with their role; what the admin may not do says why", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: `/orgs/${org.slug}/settings/general` });
  await page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(members.path);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  // Tabs with counts; the members tab is open and lists members only.
  await expect(members.tab("Members")).toHaveAttribute("aria-current", "page");
  await expect(members.tab("Members")).toHaveText("Members4");
  await expect(members.tab("Invitations")).toHaveText("Invitations0");
  await expect(page.getByTestId("member-row")).toHaveCount(4);
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
  await expect(members.memberRow("Olivia Owner")).toContainText("Owner");
  await expect(members.memberRow("Olivia Owner")).toContainText(users.owner.email);
  await expect(members.memberRow("Adam Admin")).toContainText("(you)");
  await expect(members.memberRow("Dana Developer")).toContainText("Developer");
  await expect(members.memberRow("Victor Viewer")).toContainText("Viewer");
  // Rows carry no forms: no role select, no per-row Save or Remove button.
  await expect(page.getByTestId("member-row").getByRole("combobox")).toHaveCount(0);
  // (The one "Remove selected…" above the table is the bulk removal's, not a row's.)
  await expect(page.getByTestId("member-row").getByRole("button", { name: /^(Save role|Remove) / })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Transfer ownership" })).toHaveCount(0);
  await expectWorksEverywhere(page);

  // Nobody but the owner touches the owner's membership: the items are there, off, saying why.
  await members.menuTrigger("Olivia Owner").click();
  await expect(members.menuItem("Change role…")).toHaveAttribute("aria-disabled", "true");
  await expect(members.menuItem("Change role…")).toHaveAccessibleDescription("The owner's role changes only by a transfer of ownership.");
  await expect(members.menuItem("Remove from organization…")).toHaveAccessibleDescription("The owner cannot be removed: the owner transfers ownership first.");
  await expect(members.menuItem("Transfer ownership…")).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Nobody changes their own role; one's own row offers to leave instead of a removal.
  await members.menuTrigger("Adam Admin").click();
  await expect(members.menuItem("Change role…")).toHaveAccessibleDescription("You cannot change your own role.");
  await expect(members.menuItem("Leave organization…")).not.toHaveAttribute("aria-disabled", "true");
  await expect(members.menuItem("Remove from organization…")).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Only the owner transfers ownership: an admin sees it off, with the reason from the permission table.
  await members.menuTrigger("Dana Developer").click();
  await expect(members.menuItem("Change role…")).not.toHaveAttribute("aria-disabled", "true");
  await expect(members.menuItem("Transfer ownership…")).toHaveAccessibleDescription("You need the Owner role to promote a member to owner.");
  await members.menuItem("Change role…").click();
  // An admin cannot hand out Owner: that is a transfer, and only the owner's.
  const dialog = page.getByRole("alertdialog", { name: "Change the role of Dana Developer" });
  await expect(dialog.getByRole("combobox", { name: "Role" })).toHaveValue("developer");
  await expect(dialog.getByRole("combobox", { name: "Role" }).locator("option")).toHaveText(["Admin", "Developer", "Viewer"]);
  await expectWorksEverywhere(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Search by name or email.
  await page.getByRole("searchbox", { name: "Search members" }).fill("victor");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(`${members.path}?q=victor`);
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(members.memberRow("Victor Viewer")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search members" }).fill(users.developer.email.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(members.memberRow("Dana Developer")).toBeVisible();
});

test("a row's menu works by keyboard alone: arrows move, Enter opens the dialog, Escape gives focus back", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });
  const trigger = members.menuTrigger("Victor Viewer");

  await focusRowMenu(trigger);
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(members.menuItem("Change role…")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(members.menuItem("Transfer ownership…")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(members.menuItem("Remove from organization…")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  // Space opens it too; the disabled transfer item is reachable and says why, Enter on it does nothing.
  await page.keyboard.press(" ");
  await expect(members.menuItem("Change role…")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(members.menuItem("Transfer ownership…")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  // Radix moves focus in a timeout after the arrow's keydown: wait for it to land, or the Enter that
  // follows can reach the disabled item still (as it once did on a loaded machine).
  await page.keyboard.press("ArrowUp");
  await expect(members.menuItem("Change role…")).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Change the role of Victor Viewer" });
  await expect(dialog).toBeVisible();
  await expect(menu).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("an admin changes a member's role", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });

  await members.changeRole("Dana Developer", "Viewer");
  await expect(members.toast("Dana Developer is now Viewer.")).toBeVisible();
  expect(await roleOf(db, org.id, users.developer.id)).toBe("viewer");

  await page.reload();
  await expect(members.memberRow("Dana Developer")).toContainText("Viewer");
  await expectNoA11yViolations(page);

  // Making someone Admin is a change of power: the owner, who did not do it, is emailed.
  await members.changeRole("Victor Viewer", "Admin");
  await expect(members.toast("Victor Viewer is now Admin.")).toBeVisible();
  const notice = await waitForEmail(users.owner.email, { subject: `Victor Viewer is now an Admin of ${org.name}` });
  expect(notice.text).toContain(`Adam Admin (${users.admin.email}) changed the role of Victor Viewer (${users.viewer.email}) in ${org.name}`);
  await waitForEmail(users.viewer.email, { subject: `You are now an Admin of ${org.name}` });
});

test("an admin removes a member, whose very next request gets the 404", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);

  // The developer is in the organization, page open.
  const developerContext = await browser.newContext();
  try {
    const developerPage = await developerContext.newPage();
    await signIn(developerPage, users.developer, { callbackUrl: `/orgs/${org.slug}` });
    await expect(developerPage.getByRole("heading", { level: 1, name: org.name })).toBeVisible();

    await signIn(page, users.admin, { callbackUrl: members.path });
    await members.remove("Dana Developer");
    await expect(members.toast(`Dana Developer was removed from ${org.name}.`)).toBeVisible();
    await expect(members.memberRow("Dana Developer")).toHaveCount(0);
    await expect(page.getByTestId("member-row")).toHaveCount(3);
    expect(await roleOf(db, org.id, users.developer.id)).toBeNull();

    // Their session still says who they are; the database says they are out.
    const response = await developerPage.reload();
    expect(response?.status()).toBe(404);
    await expect(developerPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(developerPage.getByText(org.name)).toHaveCount(0);
  } finally {
    await developerContext.close();
  }
});

test("an admin leaves the organization from the members page", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });

  await members.leave(org.name);
  await page.waitForURL((url) => url.pathname !== members.path);
  await expect(page.getByRole("region", { name: /Notifications/ }).getByText(`You left ${org.name}.`)).toBeVisible();
  expect(await roleOf(db, org.id, users.admin.id)).toBeNull();

  const response = await page.goto(`/orgs/${org.slug}`);
  expect(response?.status()).toBe(404);
});

test("a member leaves from their account page; the owner is told to transfer first", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  await signIn(page, users.developer);
  await page.goto("/account");
  const row = page.getByTestId("account-organization").filter({ hasText: org.name });
  await expect(row).toContainText("Developer");
  await expectNoA11yViolations(page);

  await row.getByRole("button", { name: `Leave ${org.name}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Leave ${org.name}?` });
  await dialog.getByRole("button", { name: "Leave organization" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ }).getByText(`You left ${org.name}.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await roleOf(db, org.id, users.developer.id)).toBeNull();
  expect((await page.goto(`/orgs/${org.slug}`))?.status()).toBe(404);

  const ownerContext = await browser.newContext();
  try {
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, users.owner, { callbackUrl: "/account" });
    const ownerRow = ownerPage.getByTestId("account-organization").filter({ hasText: org.name });
    await expect(ownerRow).toContainText("Owner");
    await expect(ownerRow.getByRole("button", { name: `Leave ${org.name}` })).toHaveCount(0);
    await ownerRow.getByRole("link", { name: `Transfer ownership of ${org.name} first` }).click();
    await expect(ownerPage).toHaveURL(`/orgs/${org.slug}/settings/members#transfer-heading`);
    await expect(ownerPage.getByRole("region", { name: "Transfer ownership" })).toBeVisible();
  } finally {
    await ownerContext.close();
  }
});

test("the owner transfers ownership from the new owner's menu by typing their email; both get an email", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.owner, { callbackUrl: members.path });
  await expect(page.getByRole("region", { name: "Transfer ownership" })).toBeVisible();
  await expectNoA11yViolations(page);

  // Anything but the exact email keeps the confirm button off (the server checks again: members-rules.test.ts).
  await members.menuTrigger("Adam Admin").click();
  await members.menuItem("Transfer ownership…").click();
  const dialog = page.getByRole("alertdialog", { name: `Transfer ownership of ${org.name} to Adam Admin?` });
  const typed = dialog.getByRole("textbox", { name: `Type ${users.admin.email} to confirm` });
  const confirm = dialog.getByRole("button", { name: "Transfer ownership", exact: true });
  await typed.fill("someone@example.test");
  await expect(confirm).toBeDisabled();
  await expectWorksEverywhere(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await roleOf(db, org.id, users.owner.id)).toBe("owner");

  await members.transferOwnership({ name: "Adam Admin", email: users.admin.email });
  await expect(members.toast(`Adam Admin is now the owner of ${org.name}. You are an admin.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Transfer ownership" })).toHaveCount(0);
  await expect(members.memberRow("Adam Admin")).toContainText("Owner");
  await expect(members.memberRow("Olivia Owner")).toContainText("(you)");
  await expect(members.memberRow("Olivia Owner")).toContainText("Admin");
  expect(await roleOf(db, org.id, users.admin.id)).toBe("owner");
  expect(await roleOf(db, org.id, users.owner.id)).toBe("admin");

  const toNewOwner = await waitForEmail(users.admin.email, { subject: "You are now the owner" });
  expect(toNewOwner.subject).toBe(`You are now the owner of ${org.name}`);
  const toOldOwner = await waitForEmail(users.owner.email, { subject: "You transferred the ownership" });
  expect(toOldOwner.text).toContain(`and you are an admin`);
});

test("a full page of members or invitations stays light: under 100 KB of HTML, one tab's rows at a time", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const tag = uniqueTag().toLowerCase().replace(/[^a-z0-9]+/g, "");
  // Long-ish names and emails, as at scale; 60 members and 60 invitations, so both tabs show a full page.
  await addBulkMembers(db, org.id, await insertBulkUsers(db, { prefix: `weight-member-${tag}`, count: 60 }));
  await insertBulkInvitations(db, org.id, { prefix: `weight-invitee-${tag}`, count: 60, invitedBy: users.admin.id });
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });
  await expect(page.getByTestId("member-row")).toHaveCount(50);
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
  await expect(members.tab("Members")).toHaveText("Members64");
  await expect(members.tab("Invitations")).toHaveText("Invitations60");

  for (const path of [members.path, `${members.path}?tab=invitations`]) {
    const response = await page.request.get(path);
    const html = await response.text();
    expect(html.split('data-testid="member-row"').length - 1 + html.split('data-testid="invitation-row"').length - 1).toBe(50);
    expect(Buffer.byteLength(html), `HTML bytes of ${path}`).toBeLessThanOrEqual(100_000);
  }
});
