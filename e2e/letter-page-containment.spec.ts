import type { Page } from "@playwright/test";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// The letter page lays out its sections below the first screen only as they near the viewport
// (`content-visibility: auto` in app/globals.css): what a phone does first on opening a shared
// link is then the total and the form. The containment that comes with it must not move
// anything a reader sees.

test.use({ viewport: { width: 360, height: 740 } });

/** The page as it would be without the containment: the comparison each test makes. */
const UNCONTAINED = ".letter > section { content-visibility: visible !important; contain: none !important }";

const BODY = [
  "[The contract](https://example.org/contract) our company signed is the reason for this letter.",
  "We ask for one thing, and we ask it together.",
  "Sincerely,\nThe staff",
].join("\n\n");

/** Scrolls through the page so that every section has been laid out once, then back to the top. */
async function layOutEverything(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 300) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Where every heading and paragraph of the letter's sections sits, and how long the page is. */
async function positions(page: Page) {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    tops: [...document.querySelectorAll(".letter > section :is(h2:not(.visually-hidden), p, li)")].map((element) =>
      Math.round(element.getBoundingClientRect().top + window.scrollY),
    ),
  }));
}

test("the contained sections sit exactly where they would without containment", async ({ page, db }) => {
  const letter = await createLetter(db, { bodyMarkdown: BODY });
  await page.goto(`/letters/${letter.slug}`);
  // The sections below the first screen are contained (else this would compare the page with itself).
  expect(
    await page
      .locator(".letter > section")
      .last()
      .evaluate((section) => getComputedStyle(section).contentVisibility),
  ).toBe("auto");
  await layOutEverything(page);
  const contained = await positions(page);

  await page.addStyleTag({ content: UNCONTAINED });
  const uncontained = await positions(page);
  // A section is a formatting context under containment: without the edge margins undone, the
  // gap between two sections grows by a paragraph's margin (17 px at 360 px) and every heading
  // below moves down.
  expect(contained.tops.length).toBeGreaterThan(5);
  contained.tops.forEach((top, i) => expect(Math.abs(top - uncontained.tops[i]!), `element ${i}`).toBeLessThanOrEqual(1));
  expect(Math.abs(contained.height - uncontained.height)).toBeLessThanOrEqual(2);
});
