import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const blocking = new Set(["serious", "critical"]);

/** Runs axe on the page as it is now; fails on any serious or critical violation, listing each. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
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
}
