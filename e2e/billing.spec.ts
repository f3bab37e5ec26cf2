import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { organizations } from "@/db/schema";
import type { Db } from "@/db/client";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProject } from "@/lib/factories/projects";
import type { OrgPlan } from "@/lib/orgs/plans";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { waitForEmail } from "./support/mailbox";

// Issue 8: an admin sees the plan and its usage, upgrades at once, is told what to reduce before a
// downgrade (on the page, and by the server when usage grew meanwhile); personal organizations stay
// on Free; developers cannot reach the page. The billing details form: e2e/billing-details.spec.ts.

const billingPath = (slug: string) => `/orgs/${slug}/settings/billing`;
const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

function billing(page: Page) {
  return {
    currentPlan: page.getByRole("heading", { level: 2, name: /^Current plan:/ }),
    meter: (name: "Members" | "Clusters" | "Projects") => page.getByRole("meter", { name }),
    row: (plan: OrgPlan) => page.getByTestId(`plan-${plan}`),
    change: (label: string) => page.getByRole("button", { name: `Change to ${label}` }),
  };
}

async function planOf(db: Db, orgId: string): Promise<OrgPlan> {
  const [row] = await db.select({ plan: organizations.plan }).from(organizations).where(eq(organizations.id, orgId));
  return row.plan;
}

/** A team organization with its owner and one admin on `plan`. */
async function teamOf(db: Db, plan: OrgPlan) {
  const owner = await makeUser(db, { name: "Olivia Owner" });
  const org = await makeTeamOrg(db, owner, { plan });
  const admin = await makeUser(db, { name: "Adam Admin" });
  await addMember(db, org, admin, "admin");
  return { org, owner, admin };
}

test("an admin upgrades Free to Professional and sees the new limits at once", async ({ page, db, signIn }) => {
  const { org, owner, admin } = await teamOf(db, "free");
  await makeProject(db, org);
  await signIn(page, admin, { callbackUrl: billingPath(org.slug) });
  const view = billing(page);

  await expect(view.currentPlan).toHaveText("Current plan: Free");
  await expect(view.meter("Members")).toHaveAttribute("aria-valuetext", "2 of 3 members");
  await expect(view.meter("Clusters")).toHaveAttribute("aria-valuetext", "0 of 1 cluster");
  await expect(view.meter("Projects")).toHaveAttribute("aria-valuetext", "1 of 3 projects");
  await expect(view.row("free")).toContainText("Current plan");
  await expect(view.row("enterprise")).toContainText("Unlimited");
  await expect(page.getByTestId("payment-note")).toHaveText(/^Plan changes apply immediately; this console has no payment provider connected/);
  await expectWorksEverywhere(page);

  await view.change("Professional").click();
  await expect(notifications(page)).toContainText("Upgraded to the Professional plan. Its limits apply now.");
  await expect(view.currentPlan).toHaveText("Current plan: Professional");
  await expect(view.meter("Members")).toHaveAttribute("aria-valuetext", "2 of 25 members");
  await expect(view.meter("Clusters")).toHaveAttribute("aria-valuetext", "0 of 3 clusters");
  await expect(view.row("professional")).toContainText("Current plan");
  // Going back to Free asks first; Enterprise shows its limits as unlimited.
  await expect(view.change("Free")).toBeEnabled();
  expect(await planOf(db, org.id)).toBe("professional");

  const notice = await waitForEmail(owner.email, { subject: "is now on the Professional plan" });
  expect(notice.text).toContain(`changed the plan of ${org.name} (${org.slug}) from Free to Professional`);
  await expectNoA11yViolations(page);
});

test("a downgrade is refused with what to reduce, and allowed after a confirmation when usage fits", async ({ page, db, signIn }) => {
  const { org, admin } = await teamOf(db, "business");
  await makeCluster(db, org);
  await makeCluster(db, org);
  for (let i = 0; i < 4; i++) await makeProject(db, org);
  await signIn(page, admin, { callbackUrl: billingPath(org.slug) });
  const view = billing(page);

  // Free is blocked, and the page says why; the reasons describe the disabled button.
  await expect(view.change("Free")).toBeDisabled();
  await expect(view.change("Free")).toHaveAccessibleDescription(/Delete 1 cluster \(2 of 1\)\..*Delete 1 project \(4 of 3\)\./);
  await expect(page.getByTestId("blockers-free")).toContainText("Delete 1 cluster (2 of 1).");
  await expect(page.getByTestId("blockers-free")).toContainText("Delete 1 project (4 of 3).");
  await expectWorksEverywhere(page);

  // Professional fits: it asks first, then applies.
  await view.change("Professional").click();
  const dialog = page.getByRole("alertdialog", { name: `Change ${org.name} to the Professional plan?` });
  await expect(dialog).toContainText("allows 25 members (pending invitations count), 3 clusters and 25 projects");
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Change to Professional" }).click();
  await expect(notifications(page)).toContainText("Downgraded to the Professional plan. Its limits apply now.");
  await expect(view.currentPlan).toHaveText("Current plan: Professional");
  expect(await planOf(db, org.id)).toBe("professional");
});

test("the server refuses a downgrade when usage grew after the page was loaded, naming what to reduce", async ({ page, db, signIn }) => {
  const { org, admin } = await teamOf(db, "professional");
  await makeCluster(db, org);
  for (let i = 0; i < 3; i++) await makeProject(db, org);
  await signIn(page, admin, { callbackUrl: billingPath(org.slug) });
  const view = billing(page);
  await expect(view.change("Free")).toBeEnabled();

  // Someone creates a fourth project meanwhile.
  await makeProject(db, org);
  await view.change("Free").click();
  const dialog = page.getByRole("alertdialog", { name: `Change ${org.name} to the Free plan?` });
  await dialog.getByRole("button", { name: "Change to Free" }).click();
  await expect(dialog.getByTestId("form-error")).toHaveText(`${org.name} uses more than the Free plan allows. Before changing to it: Delete 1 project (4 of 3).`);
  expect(await planOf(db, org.id)).toBe("professional");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.reload();
  await expect(view.change("Free")).toBeDisabled();
  await expect(page.getByTestId("blockers-free")).toContainText("Delete 1 project (4 of 3).");
});

test("a personal organization stays on Free and says why", async ({ page, db, signIn }) => {
  const user = await makeUser(db);
  const [personal] = await db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
  await signIn(page, user, { callbackUrl: billingPath(personal.slug) });
  const view = billing(page);
  await expect(view.currentPlan).toHaveText("Current plan: Free");
  await expect(page.getByText(/^A personal organization always stays on the Free plan\./)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Change to/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("a developer cannot reach the Billing page", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  await signIn(page, users.developer, { callbackUrl: `/orgs/${org.slug}` });
  await expect(page.getByRole("link", { name: "Billing" })).toHaveCount(0);
  await page.goto(billingPath(org.slug));
  await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
  await expect(page.getByRole("meter")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Change to/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
});
