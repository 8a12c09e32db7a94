import { randomBytes } from "node:crypto";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";

// A visitor looks for a letter they heard about, reads who signed, and sees where it stands.

test("the home page finds letters by title and keeps closed letters in an archive", async ({ page, db }) => {
  const word = `zebra${randomBytes(3).toString("hex")}`;
  await createLetter(db, { title: `Save the ${word} crossing`, total: 12, goal: 48 });
  await createLetter(db, { title: `The ${word} archive letter`, status: "CLOSED" });
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search letters by title" }).fill(word.toUpperCase());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`\\?q=${word.toUpperCase()}$`));
  await expect(page.getByRole("status")).toContainText(`2 letters matching “${word.toUpperCase()}”`);

  const open = page.getByRole("region", { name: "Open for signatures" }).getByRole("listitem");
  await expect(open).toHaveCount(1);
  await expect(open).toContainText(`Save the ${word} crossing`);
  await expect(open.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
  const archive = page.getByRole("region", { name: "Archive: closed letters" }).getByRole("listitem");
  await expect(archive).toHaveCount(1);
  await expect(archive).toContainText("Closed");
});

test("the letter page shows totals by domain, the daily chart and the latest signers, with more a click away", async ({ page, request, db }) => {
  const letter = await createLetter(db, { openToAnyDomain: true });
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await addConfirmedSignatures(db, letter.id, [
    ...Array.from({ length: 11 }, (_, i) => ({ name: `Named Signer ${i}`, domain: "microsoft.com", confirmedAt: at(100 - i) })),
    { name: "Quiet Person", anonymous: true, domain: "github.com", confirmedAt: at(1) },
  ]);
  await waitForFoldedTotal(request, letter.slug, 12);
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("verified-total")).toHaveText("12");

  const byDomain = page.getByRole("list", { name: "Verified signatures by domain" });
  // github.com's one signer is not named by any breakdown (MIN_PUBLIC_GROUP, 5): "other domains".
  await expect(byDomain).toHaveText(/11 verified @microsoft\.com\s*1 at other domains/);
  await expect(page.getByRole("img", { name: /12 signatures confirmed between/ })).toBeVisible();

  const recent = page.getByRole("region", { name: "Recent signatures" }).getByRole("listitem");
  await expect(recent).toHaveCount(10);
  await expect(recent.first().locator(".signer")).toHaveText("Anonymous · verified");
  await expect(page.locator("body")).not.toContainText("github.com");
  await expect(page.getByText("Quiet Person")).toHaveCount(0);

  await page.getByRole("link", { name: "Show more signatures" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Signatures on");
  const rest = page.getByRole("listitem");
  await expect(rest).toHaveCount(2);
  await expect(rest.first()).toContainText("Named Signer 1 · verified @microsoft.com");
  await expect(rest.last()).toContainText("Named Signer 0");
  await expect(page.getByText("That is everyone.")).toBeVisible();
});

test("public pages are cacheable by a CDN; pages behind emailed links are not", async ({ request, db }) => {
  const letter = await createLetter(db);
  for (const path of ["/", "/?q=anything", `/letters/${letter.slug}`, `/letters/${letter.slug}/signatures`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
  }
  const confirm = await request.get("/confirm/not-a-real-token");
  expect(confirm.headers()["cache-control"]).not.toContain("public");
});

test("a narrow phone (360 px) never scrolls sideways", async ({ page, db }) => {
  const letter = await createLetter(db, { title: "A letter with a rather long title that has to wrap on a small phone screen", total: 123456, goal: 200000 });
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", `/letters/${letter.slug}`, `/letters/${letter.slug}/signatures`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
});

test("a closed letter says when it closed, shows its final total and offers no form", async ({ page, db }) => {
  const letter = await createLetter(db, { status: "CLOSED", total: 321, publishedAt: new Date("2026-01-05T12:00:00Z") });
  await db.letter.update({ where: { id: letter.id }, data: { closedAt: new Date("2026-03-01T12:00:00Z") } });
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByText("Published 5 January 2026 · Closed 1 March 2026")).toBeVisible();
  await expect(page.locator(".badge")).toHaveText("Closed");
  await expect(page.getByTestId("verified-total")).toHaveText("321");
  await expect(page.getByRole("button", { name: "Sign this letter" })).toHaveCount(0);
});

test("a search that finds nothing does not claim that no letter is open", async ({ page, db }) => {
  await createLetter(db, { title: `Open letter ${randomBytes(3).toString("hex")}` });
  const word = `nomatch${randomBytes(4).toString("hex")}`;
  await page.goto(`/?q=${word}`);
  await expect(page.getByRole("status")).toContainText(`No letter matching “${word}”`);
  const open = page.getByRole("region", { name: "Open for signatures" });
  await expect(open).toContainText(`No open letter matches “${word}”.`);
  await expect(open).not.toContainText("No letter is open for signatures right now");
});
