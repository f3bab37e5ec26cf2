import { expect, type Locator } from "@playwright/test";

/**
 * Puts keyboard focus on a row's "…" trigger once the real menu has replaced its placeholder
 * (components/ui/use-load-on-intent.ts), so the keys that follow reach the menu itself. A focus
 * made before the page hydrated loads nothing, so it is retried from a blurred trigger; the real
 * trigger is known by the data-state Radix gives it. The pointer, left where the sign-in button
 * was, is moved away first: a menu opening under it would take the highlight from the keyboard.
 */
export async function focusRowMenu(trigger: Locator) {
  await trigger.page().mouse.move(0, 0);
  await expect(async () => {
    await trigger.evaluate((element) => (element as HTMLElement).blur());
    await trigger.focus();
    await expect(trigger).toHaveAttribute("data-state", "closed", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(trigger).toBeFocused();
}
