import { randomBytes } from "node:crypto";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, waitForEmailTo } from "./support/mailbox";

// Suzie works at Microsoft. She signs her colleagues' letter with her work address, proves she
// holds it by confirming from her inbox, and sees herself counted — by name, or anonymously.

const workAddress = (domain = "microsoft.com") => `e2e-${randomBytes(4).toString("hex")}@${domain}`;

test("an employee signs the demo letter, confirms from her inbox and is counted by name", async ({ page, db }) => {
  await page.goto(`/letters/${DEMO_LETTER_SLUG}`);
  const total = page.getByTestId("verified-total");
  // Exact, from the database: the page itself may be a few seconds old (it is cached), and
  // other specs sign this letter too, so every later check is "at least one more".
  const before = await db.signature.count({ where: { letter: { slug: DEMO_LETTER_SLUG }, state: "CONFIRMED" } });
  const figure = async (text: Promise<string | null>) => Number((await text)?.match(/[\d,]+/)?.[0]?.replace(/,/g, "") ?? NaN);

  const email = workAddress();
  await page.getByLabel("Full name").fill("Suzie Signer");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Show my name").check();
  const submittedAt = Date.now();
  await page.getByRole("button", { name: "Sign this letter" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  const message = await waitForEmailTo(email);
  const emailSeconds = (Date.now() - submittedAt) / 1000;
  expect(message.subject).toBe("Confirm your signature on Undersigned"); // discreet: no letter title
  expect(message.text).not.toContain("ICE");
  await page.goto(confirmLinkIn(message));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your signature");
  await expect(page.getByText("Suzie Signer")).toBeVisible();
  const confirmedAt = Date.now();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
  expect(await figure(page.getByRole("status").locator("p").first().textContent())).toBeGreaterThanOrEqual(before + 1);

  await expect(async () => {
    await page.goto(`/letters/${DEMO_LETTER_SLUG}`);
    await expect.poll(() => figure(total.textContent()), { timeout: 500 }).toBeGreaterThanOrEqual(before + 1);
    await expect(page.getByRole("region", { name: "Recent signatures" })).toContainText("Suzie Signer · verified @microsoft.com", { timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [200] });
  // Reported, not asserted: timings belong in benchmarks, but the issue asks for the figures.
  const countSeconds = (Date.now() - confirmedAt) / 1000;
  console.log(
    `[timing] submission → email in the SMTP capture: ${emailSeconds.toFixed(2)} s; confirmation click → total and name on the letter page: ${countSeconds.toFixed(2)} s`,
  );
});

test("an anonymous signer appears only as a verified domain", async ({ page, db }) => {
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  const email = workAddress();
  await page.goto(`/letters/${letter.slug}`);
  await page.getByLabel("Full name").fill("Private Person");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel(/Sign anonymously/).check();
  await page.getByRole("button", { name: "Sign this letter" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  await page.goto(confirmLinkIn(await waitForEmailTo(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
  // Once pressed, the page says what happened, not what is about to, and the share address is a link.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your signature is confirmed");
  await expect(page.getByText("You are about to sign")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Confirm your signature" })).toHaveCount(0);
  const share = `${process.env.E2E_BASE_URL}/letters/${letter.slug}`;
  await expect(page.getByRole("link", { name: share })).toHaveAttribute("href", share);

  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    await expect(page.getByRole("region", { name: "Recent signatures" })).toContainText("Anonymous · verified @microsoft.com", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByText("Private Person")).toHaveCount(0);
});

test("an address outside the letter's domains is refused with a message naming them", async ({ page }) => {
  await page.goto(`/letters/${DEMO_LETTER_SLUG}`);
  await page.getByLabel("Full name").fill("Gerry Gmail");
  await page.getByLabel("Work email").fill("gerry@gmail.com");
  await page.getByRole("button", { name: "Sign this letter" }).click();
  const email = page.getByLabel("Work email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#sign-email-error")).toHaveText("This letter can only be signed with an address at @microsoft.com.");
  await expect(page.getByRole("alert").filter({ hasText: "@microsoft.com" })).toBeVisible();
});

test("signing again says, in the same words for everyone, why no new email may come", async ({ page, db }) => {
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  const email = workAddress();
  const sign = async () => {
    await page.goto(`/letters/${letter.slug}`);
    await page.getByLabel("Full name").fill("Twice Signer");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Sign this letter" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Check your inbox" });
    await expect(notice).toBeVisible();
    return notice.innerText();
  };
  const first = await sign();
  // The second request, within the hour, gets no email: the screen explains that to everyone.
  const second = await sign();
  expect(second).toBe(first);
  expect(first).toContain("if this address asked within the last hour, it gets no new one");
  expect(first).toContain("Use the link in the email we sent before");
  expect(first).toContain("If this address had already signed, that link says so and changes nothing.");
});
