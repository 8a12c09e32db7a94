import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { capturedEmails, confirmLinkIn, waitForEmailTo } from "./support/mailbox";

// A signer who takes a risk needs to see and change their signature later, without an account and
// without our keeping their address. The receipt link is shown once, after confirming, and never
// emailed: whoever reads the work mailbox (the employer) must not be able to change how the
// signature appears. Opening it, as a scanner or a prefetch would, changes nothing.

test("a signer confirms, keeps the receipt, turns anonymous and back, and withdraws from it", async ({ page, request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `receipt-${randomBytes(4).toString("hex")}@example.com`;
  expect((await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Rita Receipt", email, anonymous: false } })).status()).toBe(202);
  await page.goto(confirmLinkIn(await waitForEmailTo(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  const notice = page.getByRole("region", { name: "Your private receipt" });
  await expect(notice).toContainText("on a personal device");
  const receiptUrl = await notice.getByRole("link").getAttribute("href");
  expect(receiptUrl).toMatch(/\/receipt\/[A-Za-z0-9_-]{43}$/);
  const receiptPath = new URL(receiptUrl!).pathname;

  // A scanner's GET and HEAD change nothing.
  const before = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
  expect((await request.get(receiptPath)).status()).toBe(200);
  expect((await request.head(receiptPath)).status()).toBe(200);
  expect(await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).toEqual(before);

  await page.goto(receiptPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your signature");
  await expect(page.locator(".receipt-facts")).toContainText("Counted");
  await expect(page.locator(".receipt-facts")).toContainText("Rita Receipt");

  await page.getByLabel("Anonymous").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: you appear anonymously.");
  await expect(page.locator(".receipt-facts")).not.toContainText("Rita Receipt");
  await expect(page.getByLabel("Anonymous")).toBeChecked();
  await expect.poll(async () => (await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).showName).toBe(false);
  const publicList = await request.get(`/api/v1/letters/${letter.slug}/signatures`);
  expect(JSON.stringify(await publicList.json())).not.toContain("Rita Receipt");

  await page.getByLabel("Show my name").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: your name is shown.");
  await expect(page.locator(".receipt-facts")).toContainText("Rita Receipt");

  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByRole("status")).toHaveText("Your signature is withdrawn.");
  await expect(page.locator(".receipt-facts")).toContainText("Withdrawn");
  await expect(page.getByRole("button", { name: "Withdraw my signature" })).toHaveCount(0);
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).state).toBe("WITHDRAWN");

  // No email ever carried the receipt.
  const mails = (await capturedEmails()).filter((mail) => mail.to.includes(email));
  expect(mails.length).toBeGreaterThan(0);
  for (const mail of mails) expect(`${mail.text}${mail.html}`).not.toContain("/receipt/");
});

test("a forged receipt shows a clear page", async ({ page }) => {
  await page.goto(`/receipt/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This receipt is not valid");
  await expect(page.getByRole("button")).toHaveCount(0);
});
