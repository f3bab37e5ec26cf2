import { and, asc, eq } from "drizzle-orm";
import { auditEvents, memberships } from "@/db/schema";
import type { Db } from "@/db/client";
import { addMember, makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { membersPage } from "./support/members-page";
import { expectWorksEverywhere } from "./support/responsive";

// Issue 16, part 2: an admin reviews access on Members: "Last active", the inactive filter, and a
// removal of several members in one confirmed action.

const day = 24 * 60 * 60 * 1000;

async function setActivity(db: Db, orgId: string, userId: string, fields: { lastActiveAt: Date | null; createdAt: Date }) {
  await db.update(memberships).set(fields).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

async function lastActiveOf(db: Db, orgId: string, userId: string) {
  const [row] = await db.select({ at: memberships.lastActiveAt }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.at ?? null;
}

test("an admin filters the members inactive for 90 days and removes two of them in one confirmed action", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const idle = await makeUser(db, { name: "Ivy Idle" });
  const gone = await makeUser(db, { name: "Gus Gone" });
  const never = await makeUser(db, { name: "Nina Never" });
  for (const user of [idle, gone, never]) await addMember(db, org, user, "viewer");
  const now = Date.now();
  await setActivity(db, org.id, idle.id, { lastActiveAt: new Date(now - 100 * day), createdAt: new Date(now - 300 * day) });
  await setActivity(db, org.id, gone.id, { lastActiveAt: new Date(now - 200 * day), createdAt: new Date(now - 300 * day) });
  await setActivity(db, org.id, never.id, { lastActiveAt: null, createdAt: new Date(now - 120 * day) });
  await setActivity(db, org.id, users.viewer.id, { lastActiveAt: new Date(now - 3 * day), createdAt: new Date(now - 300 * day) });

  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });
  await expect(page.getByRole("columnheader", { name: "Last active" })).toBeVisible();
  await expect(members.memberRow("Victor Viewer").getByText("3 days ago")).toBeVisible();
  await expect(members.memberRow("Ivy Idle").getByText("100 days ago")).toHaveAttribute("title", /UTC$/);
  await expect(members.memberRow("Nina Never").getByRole("cell", { name: "Never", exact: true })).toBeVisible();
  // The admin's own page load is recorded after the response.
  await expect.poll(() => lastActiveOf(db, org.id, users.admin.id)).not.toBeNull();

  const filter = page.getByRole("navigation", { name: "Filter members by activity" });
  await filter.getByRole("link", { name: "Inactive for 90 days" }).click();
  await expect(page).toHaveURL(`${members.path}?inactive=90`);
  await expect(filter.getByRole("link", { name: "Inactive for 90 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Members not seen for 90 days, and those who joined over 90 days ago and were never seen.")).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(3);
  for (const name of ["Ivy Idle", "Gus Gone", "Nina Never"]) await expect(members.memberRow(name)).toBeVisible();

  // Light and dark, at 390 and at 1280.
  await expectWorksEverywhere(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoA11yViolations(page);
  }
  await page.emulateMedia({ colorScheme: null });

  await page.getByRole("checkbox", { name: "Select Ivy Idle" }).check();
  await page.getByRole("checkbox", { name: "Select Gus Gone" }).check();
  const bar = page.getByTestId("bulk-remove");
  await expect(bar).toContainText("2 selected");
  await expect(page.getByRole("checkbox", { name: "Select all removable members on this page" })).not.toBeChecked();
  await bar.getByRole("button", { name: "Remove selected…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Remove 2 members?" });
  await expect(dialog.getByRole("list", { name: "Members to remove" }).getByRole("listitem")).toHaveText(["Ivy Idle", "Gus Gone"]);
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Remove 2 members", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(members.toast(`2 members were removed from ${org.name}: Gus Gone, Ivy Idle.`)).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(members.memberRow("Nina Never")).toBeVisible();
  await expect(bar).toContainText("Select members to remove several at once.");

  const left = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, org.id));
  expect(left.map((row) => row.userId).sort()).toEqual([users.owner.id, users.admin.id, users.developer.id, users.viewer.id, never.id].sort());
  const removals = await db
    .select({ targetId: auditEvents.targetId, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "member.remove")))
    .orderBy(asc(auditEvents.targetId));
  expect(removals).toEqual([idle.id, gone.id].sort().map((targetId) => ({ targetId, actorId: users.admin.id })));
});

test("select all on the page picks only those the admin may remove; the owner and the admin's own row have no checkbox", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const members = membersPage(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: members.path });
  await expect(members.memberRow("Olivia Owner").getByRole("checkbox")).toHaveCount(0);
  await expect(members.memberRow("Adam Admin").getByRole("checkbox")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Select all removable members on this page" }).check();
  await expect(page.getByTestId("bulk-remove")).toContainText("2 selected");
  await expect(page.getByRole("checkbox", { name: "Select Dana Developer" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Select Victor Viewer" })).toBeChecked();
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByRole("checkbox", { name: "Select Victor Viewer" })).not.toBeChecked();
});
