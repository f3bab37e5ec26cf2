import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { authorize } from "@/lib/authz/authorize";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { insertBulkAuditEvents } from "@/lib/factories/bulk";
import { updateOrganizationDetails } from "@/lib/orgs/update-details";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { membersPage } from "./support/members-page";
import { expectWorksEverywhere } from "./support/responsive";

function auditLog(page: Page, slug: string) {
  const path = `/orgs/${slug}/settings/audit-log`;
  const rows = page.getByTestId("audit-event");
  return {
    path,
    rows,
    row: (text: string | RegExp) => rows.filter({ hasText: text }),
    actorEmail: page.getByRole("textbox", { name: /^Actor email/ }),
    actionType: page.getByRole("combobox", { name: "Action type" }),
    from: page.getByLabel(/^From/),
    apply: page.getByRole("button", { name: "Apply filters" }),
    clear: page.getByRole("link", { name: "Clear filters" }).first(),
  };
}

test("the audit log shows a session's events in plain words, filters them and exports them as CSV", async ({ page, db, signIn }) => {
  // A long journey with axe in light and dark at two widths on every state: real work, not a wait.
  test.slow();
  const { org, users } = await makeOrgWithEveryRole(db);
  const invitee = `new-${uniqueTag()}@example.test`;
  const website = `https://acme-${uniqueTag()}.test`;
  // Someone else acted earlier, so the actor filter has something to leave out.
  const admin = await authorize(db, { userId: users.admin.id, slug: org.slug, permission: "org.edit" });
  if (!admin.ok) throw new Error("the admin should be allowed");
  await updateOrganizationDetails(db, admin.ctx, { name: org.name, slug: org.slug, description: "Set by the admin", website: "", adminContactEmails: [] });

  // The session: invite, change a role, edit General Information, all through the UI.
  const members = membersPage(page, org.slug);
  await signIn(page, users.owner, { callbackUrl: members.path });
  await members.invite(invitee, "Developer");
  await expect(members.toast(`Invited ${invitee} as Developer.`)).toBeVisible();
  await members.changeRole("Dana Developer", "Admin");
  await expect(members.toast("Dana Developer is now Admin.")).toBeVisible();
  await page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "General Information" }).click();
  await page.getByRole("textbox", { name: /^Website/ }).fill(website);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("General information updated.");

  // The log, newest first.
  const log = auditLog(page, org.slug);
  await page.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(log.path);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(log.rows).toHaveCount(5);
  await expect(log.rows.nth(0)).toContainText(`Olivia Owner set the website to “${website}”`);
  await expect(log.rows.nth(1)).toContainText("Olivia Owner changed Dana Developer's role from Developer to Admin");
  await expect(log.rows.nth(2)).toContainText(`Olivia Owner invited ${invitee} as Developer`);
  await expect(log.rows.nth(3)).toContainText("Adam Admin set the description to “Set by the admin”");
  await expect(log.rows.nth(4)).toContainText(`Olivia Owner created the organization ${org.name}`);
  await expect(log.rows.nth(1)).toContainText("Web console");
  await expect(log.rows.nth(1).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  await expect(log.rows.nth(1).locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);

  // Before and after, on demand: not in the page, fetched by the one Details dialog.
  const roleChange = log.row("changed Dana Developer's role");
  expect(await page.content()).not.toContain('"role": "admin"');
  // The General Information toast followed the client-side navigation here: let it go (axe reads a
  // fading toast's contrast mid-animation).
  await expect(page.getByRole("region", { name: /Notifications/ }).getByText("General information updated.")).toBeHidden();
  await expectWorksEverywhere(page);
  await roleChange.getByRole("button", { name: "Details" }).click();
  const details = page.getByRole("dialog", { name: "Event details" });
  await expect(details).toContainText("Olivia Owner changed Dana Developer's role from Developer to Admin");
  await expect(details.getByText('"role": "developer"')).toBeVisible();
  await expect(details.getByText('"role": "admin"')).toBeVisible();
  await expectWorksEverywhere(page);
  await details.getByRole("button", { name: "Close" }).click();
  await expect(details).toBeHidden();
  await expect(roleChange.getByRole("button", { name: "Details" })).toBeFocused();

  // By action type.
  await log.actionType.selectOption({ label: "Role changed" });
  await log.apply.click();
  // A plain GET form: the filters are the URL (empty ones included), so the view can be shared.
  await expect(page).toHaveURL((url) => url.pathname === log.path && url.searchParams.get("action") === "member.role_change");
  await expect(log.rows).toHaveCount(1);
  await expect(log.rows.first()).toContainText("from Developer to Admin");
  await log.actionType.selectOption({ label: "All invitation events" });
  await log.apply.click();
  await expect(log.rows).toHaveCount(1);
  await expect(log.rows.first()).toContainText(`invited ${invitee}`);
  await log.clear.click();
  await expect(log.rows).toHaveCount(5);

  // By actor: from a row, then typed (any case).
  await log.row("Set by the admin").getByRole("link", { name: "Filter by Adam Admin" }).click();
  await expect(log.actorEmail).toHaveValue(users.admin.email.toLowerCase());
  await expect(log.rows).toHaveCount(1);
  await log.actorEmail.fill(users.owner.email.toUpperCase());
  await log.apply.click();
  await expect(log.rows).toHaveCount(4);
  await expect(log.row("Adam Admin")).toHaveCount(0);
  await expectWorksEverywhere(page);

  // The CSV of what is shown.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-log-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("time,actor,action,description,target type,target,origin,before,after");
  expect(lines).toHaveLength(5);
  expect(lines[1]).toContain(`,org.update,Olivia Owner set the website to “${website}”,Organization,`);
  expect(lines[2]).toContain(`,member.role_change,Olivia Owner changed Dana Developer's role from Developer to Admin,Member,`);
  expect(lines[2]).toContain(`"{""role"":""developer""}","{""role"":""admin""}"`);
  expect(lines[3]).toContain(`,invitation.create,Olivia Owner invited ${invitee} as Developer,Invitation,${invitee},Web console,`);
  expect(lines.slice(1).every((line) => line.includes(`Olivia Owner <${users.owner.email}>`))).toBe(true);
});

test("a bad filter gets a message next to its field; a developer is told the role it takes", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const log = auditLog(page, org.slug);
  await signIn(page, users.admin, { callbackUrl: `${log.path}?from=2026-02-30` });
  await expect(log.from).toHaveAttribute("aria-invalid", "true");
  await expect(log.from).toHaveAccessibleDescription(/Enter a date as YYYY-MM-DD\./);
  await expect(page.getByText("Correct the filters above to see events.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.goto(`${log.path}?actor=nobody-${uniqueTag()}@example.test`);
  await expect(page.getByText("No events match these filters.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No member or past actor of this organization has the email" })).toBeVisible();

  const developerPage = await page.context().browser()!.newPage();
  try {
    await signIn(developerPage, users.developer, { callbackUrl: log.path });
    await expect(developerPage.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
    const response = await developerPage.request.get(`${log.path}/export`);
    expect(response.status()).toBe(403);
  } finally {
    await developerPage.close();
  }
});

test("a page of the log weighs one page of light rows, whatever the organization's history", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db);
  const label = (user: typeof users.owner) => `${user.name} <${user.email}>`;
  await insertBulkAuditEvents(db, org.id, { main: { id: users.owner.id, label: label(users.owner) }, rare: { id: users.admin.id, label: label(users.admin) } }, 180);
  const log = auditLog(page, org.slug);
  await signIn(page, users.owner, { callbackUrl: log.path });
  await expect(log.rows).toHaveCount(50);
  const html = await (await page.request.get(log.path)).text();
  expect(html.match(/data-testid="audit-event"/g)).toHaveLength(50);
  // Issue 12: the 50 rows used to weigh 265 KB with their before/after values inline.
  expect(html.length).toBeLessThan(100_000);
  await page.getByRole("link", { name: "Older events" }).click();
  await expect(log.rows).toHaveCount(50);
  await expectWorksEverywhere(page);
});
