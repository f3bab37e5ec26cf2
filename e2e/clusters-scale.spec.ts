import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { expect, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";

// 30 clusters to seed, a page and a dialog to check: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

// Issue 12: the clusters page weighs one page of light rows whatever the fleet's size, and the
// Delete dialog of the default cluster still offers every cluster as its successor (fetched when
// the dialog opens), those of later pages included.

test("a fleet of 30 clusters: one light page of 25 rows, and every cluster offered as the default's successor", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "enterprise" });
  const tag = uniqueTag();
  const name = (n: number) => `fleet-${tag}-${String(n).padStart(2, "0")}`;
  await makeCluster(db, org, { name: name(1), isDefault: true });
  for (let n = 2; n <= 30; n++) await makeCluster(db, org, { name: name(n), status: n % 10 === 0 ? "stopped" : "running" });
  const path = `/orgs/${org.slug}/settings/clusters`;
  await signIn(page, users.admin, { callbackUrl: path });

  const rows = page.getByTestId("cluster-row");
  await expect(rows).toHaveCount(25);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  const html = await (await page.request.get(path)).text();
  expect(html.match(/data-testid="cluster-row"/g)).toHaveLength(25);
  // The 25 rows once weighed twice their markup (HTML and RSC payload) plus every cluster's id.
  expect(html.length).toBeLessThan(80_000);
  expect(html).not.toContain(name(30));
  await expectWorksEverywhere(page);

  await page.getByRole("button", { name: `Actions for ${name(1)}`, exact: true }).click();
  await page.getByRole("menuitem", { name: /^Delete/ }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete ${name(1)}?` });
  const successor = dialog.getByRole("combobox", { name: "New default cluster" });
  await expect(successor.locator("option")).toHaveCount(30);
  await expect(successor.locator("option").last()).toHaveText(name(30));
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText(name(30));
});
