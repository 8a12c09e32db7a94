import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, linkIn, waitForEmailTo } from "./support/mailbox";

// Signers and visitors include people who use screen readers, keyboards and zoom. Public pages
// must have no serious or critical WCAG 2.1 AA violations, in light and dark themes alike, and
// exactly one h1 each.

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
  await expect(page.locator("h1")).toHaveCount(1);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
}

const PAGES = [
  ["home", "/"],
  ["search results", "/?q=contracts"],
  ["letter", `/letters/${DEMO_LETTER_SLUG}`],
  ["signatures", `/letters/${DEMO_LETTER_SLUG}/signatures`],
  ["not found", "/letters/no-such-letter"],
  ["invalid link", "/confirm/not-a-real-token"],
] as const;

for (const colorScheme of ["light", "dark"] as const) {
  for (const [name, path] of PAGES) {
    test(`the ${name} page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  test(`a letter with signers, chart and share tools, and the sign form showing errors, has no serious violations (${colorScheme})`, async ({ page, db }) => {
    const letter = await createLetter(db, { domains: ["example.com"], goal: 10 });
    // Five, so the chart shows (MIN_PUBLIC_GROUP: no day-by-day bars below five signatures).
    await addConfirmedSignatures(db, letter.id, [
      { name: "Ann Axe", jobTitle: "Tester", comment: "Accessible, please." },
      { anonymous: true },
      { anonymous: true },
      {},
      {},
    ]);
    await page.emulateMedia({ colorScheme });
    await page.goto(`/letters/${letter.slug}`);
    await page.getByText("Embed a live count badge on your site").click();
    await page.getByText("Show the numbers").click();
    await page.getByRole("button", { name: "Sign this letter" }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expectAccessible(page);
  });

  test(`the confirm and withdraw pages, before and after pressing their button, have no serious violations (${colorScheme})`, async ({ page, request, db }) => {
    const letter = await createLetter(db, { domains: ["example.com"] });
    const email = `axe-${randomBytes(4).toString("hex")}@example.com`;
    expect((await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Axe Checker", email, anonymous: false } })).status()).toBe(202);
    const message = await waitForEmailTo(email);
    await page.emulateMedia({ colorScheme });

    await page.goto(confirmLinkIn(message));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
    await expectAccessible(page);

    await page.goto(linkIn(message, "withdraw"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Withdraw my signature" }).click();
    await expect(page.getByRole("status")).toContainText("Your signature is withdrawn");
    await expectAccessible(page);
  });
}
