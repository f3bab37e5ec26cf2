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
  // The two-instance run (E2E_INSTANCES=2) replays journeys to catch races between servers; the
  // markup is the same build's, which the ordinary run has just checked page by page.
  if (process.env.E2E_INSTANCES === "2") return;
  await expect(async () => {
    await settleAnimations(page);
    const results = await axeOn(page).analyze();
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

/**
 * All of axe's rules, run the quick way: in the page itself (legacy mode: the default opens a
 * second page to merge per-frame results, and these pages have no frames) and collecting nodes for
 * violations only (passes and inapplicable rules are never read). About a third of the time a run
 * took with the defaults (General Information 2.0 → 0.6 s, Members 5.0 → 1.8 s on 2 cores).
 */
function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
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
