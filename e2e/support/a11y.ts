import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const blocking = new Set(["serious", "critical"]);

/**
 * Fails on any serious or critical axe violation, listing each. axe runs once the page's finite
 * animations have ended, and again while it finds something, for a few seconds: a toast or a
 * dialog fading in or out is half transparent, its contrast whatever the fade has reached, and a
 * toast may start leaving while axe reads the page. A real violation is there on every run.
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  await expect(async () => {
    await settleAnimations(page);
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations
      .filter((violation) => blocking.has(violation.impact ?? ""))
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
    expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
  }).toPass({ timeout: 15_000 });
}

/** Waits for every running animation and transition that ends (spinners and pulses never do). */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.playState === "running" && animation.effect?.getComputedTiming().endTime !== Infinity)
        // A cancelled animation (its element removed) rejects `finished`: that settles it too.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}
