import { expect, type Page } from "@playwright/test";

/** The navbar's user menu (Account, Sign out) and the ⌘K palette. */
export function navbar(page: Page) {
  const main = page.getByRole("navigation", { name: "Main" });
  const userMenuButton = main.getByRole("button", { name: /^Account menu/ });
  const userMenu = page.getByRole("menu");
  const searchButton = main.getByRole("button", { name: "Search…" });
  const palette = page.getByRole("dialog", { name: "Go to" });
  return {
    main,
    userMenuButton,
    userMenu,
    settingsLink: main.getByRole("link", { name: "Organization settings" }),
    searchButton,
    palette,
    paletteInput: palette.getByRole("combobox", { name: "Search organizations, projects and settings" }),
    paletteResults: palette.getByRole("listbox", { name: "Results" }),
    /** Signs out through the user menu, as a mouse user does. */
    async signOut() {
      await userMenuButton.click();
      await userMenu.getByRole("menuitem", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
    },
  };
}
