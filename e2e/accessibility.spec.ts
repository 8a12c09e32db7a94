import AxeBuilder from "@axe-core/playwright";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { expect, test } from "./support/fixtures";

// Signers and visitors include people who use screen readers, keyboards and zoom. Public pages
// must have no serious or critical WCAG 2.1 AA violations, in light and dark themes alike.

const PAGES = [
  ["home", "/"],
  ["letter", `/letters/${DEMO_LETTER_SLUG}`],
  ["not found", "/letters/no-such-letter"],
] as const;

for (const colorScheme of ["light", "dark"] as const) {
  for (const [name, path] of PAGES) {
    test(`the ${name} page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
      await expect(page.locator("h1")).toHaveCount(1);
    });
  }
}
