import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// A visitor who has heard about the Microsoft letter finds it on the home page, reads what
// the employees ask for, and sees where things stand.

test("the home page lists the demo letter with its verified total", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Undersigned/);
  await expect(page.getByRole("heading", { level: 1, name: "Open letters" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: "Satya Nadella" });
  await expect(card.getByRole("link", { name: /cancel the contracts with ICE/ })).toHaveAttribute("href", `/letters/${DEMO_LETTER_SLUG}`);
  await expect(card.getByText("Open for signatures")).toBeVisible();
  // Other specs sign the demo letter meanwhile: the figure is whatever is verified, not a constant.
  await expect(card.getByText(/verified signatures?/)).toBeVisible();
});

test("the letter page shows both demands and the status timeline, newest first", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /cancel the contracts with ICE/ }).click();
  await expect(page).toHaveURL(`/letters/${DEMO_LETTER_SLUG}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Microsoft employees to Satya Nadella/);
  await expect(page.getByText("To Satya Nadella, CEO of Microsoft")).toBeVisible();
  await expect(page.getByText("put children and families above profits")).toBeVisible();
  await expect(page.getByRole("region", { name: "Signatures" }).getByText("Open to @microsoft.com.", { exact: false })).toBeVisible();

  const demands = page.getByRole("region", { name: "Demands" }).getByRole("listitem");
  await expect(demands).toHaveCount(2);
  await expect(demands.nth(0)).toContainText("Cancel Microsoft's contracts with U.S. Immigration and Customs Enforcement");
  await expect(demands.nth(1)).toContainText("neither Microsoft nor its contractors will work with clients who violate international human rights law");
  await expect(demands.nth(0)).toContainText("Status: Open");

  const timeline = page.getByRole("region", { name: "Status" }).getByRole("listitem");
  await expect(timeline).toHaveCount(4);
  await expect(timeline.first()).toContainText("UN High Commissioner for Human Rights");
  await expect(timeline.nth(2)).toContainText("dismayed by the forcible separation of children");
  await expect(timeline.last()).toContainText("Published");

  await expect(page.getByTestId("verified-total")).toHaveText(/^\d[\d,]*$/);
});

test("a letter's verified total and goal come from the database", async ({ page, db }) => {
  const letter = await createLetter(db, { title: "Keep the Friday deploy freeze", total: 1234, goal: 2000 });
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("verified-total")).toHaveText("1,234");
  await expect(page.getByRole("progressbar", { name: "Progress to the goal" })).toHaveAttribute("aria-valuenow", "62");
});

test("drafts and unknown letters are not found", async ({ page, db }) => {
  const draft = await createLetter(db, { status: "DRAFT", title: "A draft nobody may see yet" });
  for (const path of [`/letters/${draft.slug}`, "/letters/no-such-letter", "/letters/NOT%20A%20SLUG"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
  await page.goto("/");
  await expect(page.getByText("A draft nobody may see yet")).toHaveCount(0);
});
