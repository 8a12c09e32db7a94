import { mkdir } from "node:fs/promises";
import path from "node:path";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";

// Screenshots of a well-signed letter at phone and desktop widths, light and dark, kept as
// artifacts for people to look at (test-results/screenshots/). Playwright cleans
// test-results/ at the start of a run, so they are always this run's.

const DIR = path.resolve("test-results/screenshots");

test("the letter page at 375 px and 1280 px, light and dark", async ({ page, request, db }) => {
  test.setTimeout(60_000);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  const letter = await createLetter(db, {
    title: "Employees to the board: publish the AI safety review",
    addressee: "The Board of Directors of Example Corp",
    bodyMarkdown: "We, the undersigned employees, ask the board to **publish the safety review** before the next release.\n\n> Trust is earned in public.",
    goal: 50,
    domains: ["microsoft.com", "github.com", "linkedin.com"],
    demands: [{ text: "Publish the full review.", status: "PARTLY_MET" }, { text: "Give staff a say in release decisions." }],
    statusUpdates: [
      { kind: "PUBLISHED", body: "The letter was published.", occurredAt: day(12) },
      { kind: "DELIVERED", body: "Delivered to the board secretary.", occurredAt: day(5) },
    ],
  });
  const domains = ["microsoft.com", "microsoft.com", "microsoft.com", "github.com", "linkedin.com"];
  await addConfirmedSignatures(
    db,
    letter.id,
    Array.from({ length: 36 }, (_, i) => ({
      name: `Signer ${i + 1}`,
      anonymous: i % 4 === 0,
      jobTitle: i % 3 === 0 ? "Software Engineer" : undefined,
      team: i % 3 === 0 ? "Azure" : undefined,
      comment: i === 35 ? "I want to be proud of what we ship." : undefined,
      domain: domains[i % domains.length],
      confirmedAt: day(Math.floor((i * i) / 120)),
    })),
  );
  await mkdir(DIR, { recursive: true });
  await waitForFoldedTotal(request, letter.slug, 36);

  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/letters/${letter.slug}`);
      await expect(page.getByTestId("verified-total")).toHaveText("36");
      const file = path.join(DIR, `letter-${width}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      test.info().attachments.push({ name: path.basename(file), path: file, contentType: "image/png" });
    }
  }
});
