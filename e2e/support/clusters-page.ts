import { and, eq } from "drizzle-orm";
import type { Locator, Page } from "@playwright/test";
import { clusters } from "@/db/schema";
import type { Db } from "@/db/client";
import { expect } from "../fixtures";

// The Clusters pages as e2e/clusters*.spec.ts meet them.
//
// Each test makes a Business-plan organization of its own (10 clusters), so plan limits stay out
// of the way. The server runs the local engine at LOCAL_ENGINE_TIME_SCALE=0.2 (playwright.config.ts):
// an install takes 4 s, a stop 1.6 s, and one job runner serves every test one job at a time, so
// transitions get a generous timeout.
export const transition = { timeout: 45_000 };

export const clustersPath = (slug: string) => `/orgs/${slug}/settings/clusters`;
export const notifications = (page: Page) => page.getByRole("region", { name: /Notifications/ });

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The clusters page as a user meets it: rows by cluster name, their status, one button and one "…" menu each. */
export function clustersPage(page: Page) {
  const row = (name: string) =>
    page.getByTestId("cluster-row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(name)}(\\s+(Default|Production))*$`) }) });
  return {
    heading: page.getByRole("heading", { level: 1, name: "Clusters" }),
    live: page.getByTestId("live-status"),
    row,
    status: (name: string) => row(name).getByTestId("cluster-status"),
    defaultBadge: (name: string) => row(name).getByRole("rowheader").getByText("Default", { exact: true }),
    button: (name: string, label: string) => row(name).getByRole("button", { name: `${label} ${name}`, exact: true }),
    menu: (name: string) => row(name).getByRole("button", { name: `Actions for ${name}`, exact: true }),
    /** An item of the open row menu; a disabled one carries its reason after the label. */
    item: (label: string) => page.getByRole("menuitem", { name: new RegExp(`^${escapeRegExp(label)}`) }),
    dialog: (title: string) => page.getByRole("alertdialog", { name: title }),
  };
}

/** The "Add cluster" form's controls, by their labels. */
export function newClusterForm(page: Page) {
  return {
    name: page.getByRole("textbox", { name: /^Cluster name/ }),
    provider: page.getByRole("combobox", { name: /^Cloud provider/ }),
    region: page.getByRole("combobox", { name: /^Region/ }),
    version: page.getByRole("combobox", { name: /^Kubernetes version/ }),
    instanceType: page.getByRole("combobox", { name: /^Node instance type/ }),
    minNodes: page.getByRole("spinbutton", { name: /^Minimum nodes/ }),
    maxNodes: page.getByRole("spinbutton", { name: /^Maximum nodes/ }),
    production: page.getByRole("checkbox", { name: "Production cluster" }),
    kubeconfigFile: page.getByLabel("Kubeconfig file"),
    kubeconfig: page.getByRole("textbox", { name: "Kubeconfig", exact: true }),
    submit: page.getByRole("button", { name: "Add cluster" }),
  };
}

/** The error tied to a control through aria-describedby, as a screen reader announces it. */
export async function expectFieldError(input: Locator, message: string) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
}

/** Opens a row's "…" menu and picks an item. */
export async function choose(page: Page, name: string, label: string) {
  const list = clustersPage(page);
  await list.menu(name).click();
  await list.item(label).click();
}

export async function clusterRow(db: Db, orgId: string, name: string) {
  const [row] = await db.select().from(clusters).where(and(eq(clusters.orgId, orgId), eq(clusters.name, name)));
  return row;
}

/** Adds an AWS cluster through the form and lands back on the clusters page. */
export async function addCluster(page: Page, slug: string, name: string) {
  await page.goto(`${clustersPath(slug)}/new`);
  const form = newClusterForm(page);
  await form.name.fill(name);
  await form.submit.click();
  await expect(page).toHaveURL(clustersPath(slug));
  await expect(notifications(page)).toContainText(`${name} is being installed.`);
}
