import { expect, type Page } from "@playwright/test";

/** The navbar's organization switcher, as a keyboard or mouse user meets it. */
export function orgSwitcher(page: Page) {
  const button = page.getByRole("button", { name: /Switch organization/ });
  const dialog = page.getByRole("dialog", { name: "Switch organization" });
  const filter = dialog.getByRole("combobox", { name: "Filter organizations" });
  const listbox = dialog.getByRole("listbox", { name: "Organizations" });
  const options = listbox.getByRole("option");
  const status = dialog.locator("p[aria-live]");
  return {
    button,
    dialog,
    filter,
    listbox,
    options,
    status,
    option: (name: string | RegExp) => listbox.getByRole("option", { name }),
    /**
     * Opens the menu (a click, or `via` such as a key press) and waits for the list it fetches.
     * The menu keeps the previous list while the fresh one loads, and the fresh one moves the
     * active option back to the current organization, so keys pressed before it lands are lost.
     */
    async open(via: () => Promise<void> = () => button.click()) {
      const listed = page.waitForEvent("requestfinished", (request) => new URL(request.url()).pathname === "/api/organizations");
      await via();
      await expect(dialog).toBeVisible();
      await listed;
      await expect(listbox).toHaveAttribute("aria-busy", "false");
      // Let React commit the state set from that response before anyone presses a key.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    },
    /** Types a filter and waits until the server-filtered list shows exactly `expected` names. */
    async filterTo(text: string, expected: (string | RegExp)[]) {
      await filter.fill(text);
      await expect(options).toHaveCount(expected.length + 1);
      for (const [index, name] of expected.entries()) await expect(options.nth(index)).toContainText(name);
      await expect(options.last()).toHaveText(/New organization/);
    },
    /** The option the combobox points at with aria-activedescendant. */
    async activeOptionText() {
      const id = await filter.getAttribute("aria-activedescendant");
      return page.locator(`[id="${id}"]`).innerText();
    },
  };
}
