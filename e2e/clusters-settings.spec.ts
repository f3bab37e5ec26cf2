import { and, eq } from "drizzle-orm";
import { readFile } from "node:fs/promises";
import { auditEvents } from "@/db/schema";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { expectWorksEverywhere } from "./support/responsive";
import { transition, clustersPath, notifications, clustersPage, newClusterForm, expectFieldError, choose, clusterRow } from "./support/clusters-page";

// Clusters: changing a running cluster's settings, self-managed clusters and their kubeconfig, and
// who reaches the clusters pages.

// Whole journeys through several transitions: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("updating a running cluster's settings validates them and rolls them out", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const cluster = await makeCluster(db, org, { name: `scaling-${uniqueTag()}`, isDefault: true, production: true });
  await signIn(page, users.admin, { callbackUrl: clustersPath(org.slug) });
  const list = clustersPage(page);

  await choose(page, cluster.name, "Update settings");
  await expect(page.getByRole("heading", { level: 1, name: `Update settings of ${cluster.name}` })).toBeVisible();
  const form = newClusterForm(page);
  await expect(form.instanceType).toHaveValue("t3.large");
  await expect(form.production).toBeChecked();
  // Nothing to send until something changes; changing it back turns Update off again.
  const update = page.getByRole("button", { name: "Update" });
  await expect(update).toBeDisabled();
  await form.maxNodes.fill("9");
  await expect(update).toBeEnabled();
  await form.maxNodes.fill("3");
  await expect(update).toBeDisabled();
  await expectWorksEverywhere(page);

  await form.minNodes.fill("6");
  await form.maxNodes.fill("4");
  await form.production.uncheck();
  await page.getByRole("button", { name: "Update" }).click();
  await expectFieldError(form.maxNodes, "The maximum must be at least the minimum number of nodes.");
  await expect(form.minNodes).toHaveValue("6");
  await expect(form.production, "an unchecked box stays unchecked after an error").not.toBeChecked();

  await form.version.selectOption("1.33");
  await form.instanceType.selectOption("m6i.xlarge");
  await form.maxNodes.fill("8");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(clustersPath(org.slug));
  await expect(notifications(page)).toContainText(`${cluster.name} is being updated.`);
  await expect(list.status(cluster.name)).toHaveText(/Updating|Running/);
  await expect(list.status(cluster.name)).toHaveText("Running", transition);
  await expect(list.row(cluster.name)).toContainText("m6i.xlarge");
  await expect(list.row(cluster.name)).toContainText("6–8 nodes");
  expect(await clusterRow(db, org.id, cluster.name)).toMatchObject({ kubernetesVersion: "1.33", instanceType: "m6i.xlarge", minNodes: 6, maxNodes: 8, production: false });
});

test("a self-managed cluster is added with its kubeconfig file, which is validated and stored encrypted", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  await signIn(page, users.admin, { callbackUrl: `${clustersPath(org.slug)}/new` });
  const form = newClusterForm(page);
  const name = `onprem-${uniqueTag()}`;

  await expect(form.kubeconfig).toHaveCount(0);
  await form.provider.selectOption({ label: "Self-managed" });
  await expect(form.kubeconfig).toBeVisible();
  await expect(form.region.locator("option")).toHaveText(["on-premises", "other-cloud"]);
  await expectWorksEverywhere(page);

  // A file without clusters: its text lands in the textarea and the server says what is wrong.
  await form.name.fill(name);
  await form.kubeconfigFile.setInputFiles({ name: "empty.yaml", mimeType: "application/yaml", buffer: Buffer.from("apiVersion: v1\nkind: Config\nclusters: []\n") });
  await expect(form.kubeconfig).toHaveValue(/clusters: \[\]/);
  await form.submit.click();
  await expectFieldError(form.kubeconfig, "The kubeconfig has no clusters.");
  await expect(form.provider).toHaveValue("self_managed");
  await expect(form.name).toHaveValue(name);
  expect(await clusterRow(db, org.id, name)).toBeUndefined();

  const kubeconfig = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "  - name: onprem",
    "    cluster: { server: 'https://k8s.onprem.example.test:6443' }",
    "contexts:",
    "  - name: onprem",
    "    context: { cluster: onprem, user: onprem-admin }",
    "users:",
    `  - name: onprem-admin`,
    `    user: { token: secret-${uniqueTag()} }`,
    "current-context: onprem",
    "",
  ].join("\n");
  await form.kubeconfigFile.setInputFiles({ name: "kubeconfig.yaml", mimeType: "application/yaml", buffer: Buffer.from(kubeconfig) });
  await expect(form.kubeconfig).toHaveValue(kubeconfig);
  await form.submit.click();
  await expect(page).toHaveURL(clustersPath(org.slug));
  const list = clustersPage(page);
  await expect(list.row(name)).toContainText("Self-managed");
  await expect(list.status(name)).toHaveText("Running", transition);

  const stored = await clusterRow(db, org.id, name);
  expect(stored.kubeconfigSealed).toMatch(/^v1:/);
  expect(stored.kubeconfigSealed).not.toContain("onprem-admin");

  const download = page.waitForEvent("download");
  await choose(page, name, "Download kubeconfig");
  expect(await readFile((await (await download).path())!, "utf8")).toBe(kubeconfig);
});

test("a developer reaches none of the clusters pages, and the kubeconfig URL answers 403", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const cluster = await makeCluster(db, org, { name: `guarded-${uniqueTag()}`, isDefault: true });
  const base = clustersPath(org.slug);
  await signIn(page, users.developer, { callbackUrl: `/orgs/${org.slug}` });
  await expect(page.getByRole("link", { name: "Clusters" })).toHaveCount(0);

  for (const path of [base, `${base}/new`, `${base}/${cluster.id}/edit`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "You need the Admin role" })).toBeVisible();
    await expect(page.getByText(cluster.name)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Add cluster|Stop|Delete/ })).toHaveCount(0);
  }
  await expectNoA11yViolations(page);

  const refused = await page.request.get(`${base}/${cluster.id}/kubeconfig`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("You need the Admin role to do this.");
  expect(refused.headers()["content-disposition"]).toBeUndefined();
  const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "cluster.kubeconfig.download")));
  expect(audited, "a refused download runs nothing").toHaveLength(0);
});

test("someone outside the organization gets 404 from the kubeconfig URL, like an unknown cluster", async ({ page, db, signIn }) => {
  const { org, users } = await makeOrgWithEveryRole(db, { plan: "business" });
  const cluster = await makeCluster(db, org, { name: `hidden-${uniqueTag()}` });
  const url = `${clustersPath(org.slug)}/${cluster.id}/kubeconfig`;

  await signIn(page, users.outsider);
  const outsider = await page.request.get(url);
  expect(outsider.status()).toBe(404);
  expect(await outsider.text()).not.toContain(org.name);
  const pageResponse = await page.goto(clustersPath(org.slug));
  expect(pageResponse?.status()).toBe(404);

  // An admin asking for a cluster with no kubeconfig, or an id that is not one, gets 404 too.
  await page.context().clearCookies();
  await signIn(page, users.admin, { callbackUrl: clustersPath(org.slug) });
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(`${clustersPath(org.slug)}/not-a-uuid/kubeconfig`)).status()).toBe(404);
});
