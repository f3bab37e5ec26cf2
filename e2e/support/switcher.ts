import { expect, type Page } from "@playwright/test";

/** Two animation frames: lets React commit state set from a response before anyone presses a key. */
export async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The navbar's organization switcher, as a keyboard or mouse user meets it. */
export function orgSwitcher(page: Page) {
  const button = page.getByRole("button", { name: /Switch organization/ });
  const dialog = page.getByRole("dialog", { name: "Switch organization" });
  const filter = dialog.getByRole("combobox", { name: "Filter organizations" });
  const listbox = dialog.getByRole("listbox", { name: "Organizations" });
  const options = listbox.getByRole("option");
  // The scrolling list (organizations, then invitations) and the options pinned below it.
  const listed = listbox.getByRole("group", { name: "Organizations and invitations" }).getByRole("option");
  const pinned = listbox.getByRole("group", { name: "Pinned" }).getByRole("option");
  const status = dialog.locator("p[aria-live]");
  const listFetched = (query: string) =>
    page.waitForEvent("requestfinished", (request) => {
      const url = new URL(request.url());
      return url.pathname === "/api/organizations" && (url.searchParams.get("q") ?? "") === query;
    });
  return {
    button,
    dialog,
    filter,
    listbox,
    options,
    listed,
    pinned,
    status,
    option: (name: string | RegExp) => listbox.getByRole("option", { name }),
    /**
     * Opens the menu (a click, or `via` such as a key press) and waits for the list it fetches:
     * the fresh list moves the active option to the current organization, so keys pressed before
     * it lands would be lost.
     */
    async open(via: () => Promise<void> = () => button.click()) {
      const fetched = listFetched("");
      await via();
      await expect(dialog).toBeVisible();
      await fetched;
      await expect(listbox).toHaveAttribute("aria-busy", "false");
      await settle(page);
    },
    /** Types a filter and waits until the server-filtered list shows exactly `expected` names. */
    async filterTo(text: string, expected: (string | RegExp)[]) {
      const fetched = listFetched(text);
      await filter.fill(text);
      await fetched;
      await expect(listed).toHaveCount(expected.length);
      for (const [index, name] of expected.entries()) await expect(listed.nth(index)).toContainText(name);
      await expect(pinned.last()).toHaveText(/New organization/);
      await settle(page);
    },
    /** The option the combobox points at with aria-activedescendant. */
    async activeOptionText() {
      const id = await filter.getAttribute("aria-activedescendant");
      return id ? page.locator(`[id="${id}"]`).innerText() : "";
    },
  };
}
