import { eq, getTableColumns } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { invitations, memberships } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { emailsTo } from "./support/mailbox";
import { membersPage } from "./support/members-page";
import { captureAction, replayAs } from "./support/replay-action";

// The page tells the replaying developer the Admin role is needed: the session is theirs.
const deniedPage = (page: Page) => expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();

// Every column but last_active_at, which the page loads of this very test record (after the response).
const { lastActiveAt: _recordedByPageLoads, ...membershipColumns } = getTableColumns(memberships);
const orgMemberships = (db: Db, orgId: string) => db.select(membershipColumns).from(memberships).where(eq(memberships.orgId, orgId)).orderBy(memberships.userId);
const orgInvitations = (db: Db, orgId: string) => db.select().from(invitations).where(eq(invitations.orgId, orgId));

test("a developer gets no member management: the page says the Admin role is needed", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const path = membersPage(page, org.slug).path;
  await signIn(page, users.developer, { callbackUrl: path });

  await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
  await expect(page.getByText(`You are a Developer in ${org.name}.`)).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(0);
  await expect(page.getByText(users.viewer.email)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite", exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Transfer ownership" })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("an admin's invitation replayed from a developer's session invites nobody", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  const address = `replayed-${uniqueTag()}@example.test`;
  await signIn(page, users.admin, { callbackUrl: members.path });
  const request = await captureAction(page, members.path, () => members.invite(address, "Admin"));

  const answer = await replayAs(browser, users.developer, members.path, request, deniedPage);
  expect(answer).toContain("You need the Admin role to do this.");
  expect(await orgInvitations(db, org.id)).toEqual([]);
  // An invitation's email is handed to SMTP before the action answers (lib/invitations/invite.ts
  // awaits it), so a wrongly sent one would already be in the mailbox: no wait is needed.
  expect(await emailsTo(address)).toEqual([]);
});

test("an admin's removal and role change replayed from a developer's session change nothing", async ({ page, browser, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  const before = await orgMemberships(db, org.id);
  await signIn(page, users.admin, { callbackUrl: members.path });

  const removal = await captureAction(page, members.path, async () => {
    await members.menuTrigger("Victor Viewer").click();
    await members.menuItem("Remove from organization…").click();
    await page.getByRole("alertdialog", { name: "Remove Victor Viewer?" }).getByRole("button", { name: "Remove member" }).click();
  });
  expect(await replayAs(browser, users.developer, members.path, removal, deniedPage)).toContain("You need the Admin role to do this.");

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.reload();
  const roleChange = await captureAction(page, members.path, () => members.changeRole("Victor Viewer", "Admin"));
  expect(await replayAs(browser, users.developer, members.path, roleChange, deniedPage)).toContain("You need the Admin role to do this.");

  expect(await orgMemberships(db, org.id)).toEqual(before);
});
