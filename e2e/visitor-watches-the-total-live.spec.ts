import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, waitForEmailTo } from "./support/mailbox";

// Dana has the letter open on her phone while colleagues sign. She should see the total move
// without reloading: the page must not reload itself (a reload storm across thousands of open
// pages is what live counts replace), and the figure must not shift the text around it.

test("a new confirmation shows up on an already-open letter page without a reload", async ({ page, context, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"], total: 998, goal: 2000 });
  await page.goto(`/letters/${letter.slug}`);
  const total = page.getByTestId("verified-total");
  await expect(total).toHaveText("998");
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const boxBefore = await page.getByText("verified signatures").first().boundingBox();

  // A colleague signs and confirms from her inbox, in another tab.
  const email = `live-${randomBytes(4).toString("hex")}@example.com`;
  const signer = await context.newPage();
  const response = await signer.request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Live Colleague", email, anonymous: false } });
  expect(response.status()).toBe(202);
  await signer.goto(confirmLinkIn(await waitForEmailTo(email)));
  await signer.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(signer.getByRole("status")).toContainText("Your signature is confirmed");
  const confirmedAt = Date.now();

  // The bound: within 5 seconds of the confirmation (folding and polling take about two).
  await expect(total).toHaveText("999", { timeout: 5_000 });
  console.log(`[timing] confirmation → live total on an open page: ${((Date.now() - confirmedAt) / 1000).toFixed(2)} s`);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByRole("progressbar", { name: "Progress to the goal" })).toHaveAttribute("aria-valuenow", "50");

  // Room for the figure was reserved: the words after it did not move.
  const boxAfter = await page.getByText("verified signatures").first().boundingBox();
  expect(boxAfter).toEqual(boxBefore);
});

test("streams of pages that close are released: an instance feeds only the pages still open", async ({ db }) => {
  const letter = await createLetter(db);
  const baseURL = test.info().project.use.baseURL!;
  const streams = async () => ((await (await fetch(new URL("/api/health", baseURL))).json()) as { liveCounts: { streams: number } }).liveCounts.streams;
  // Other specs keep a few pages open meanwhile, never this many.
  const opened = 25;
  const readers = await Promise.all(
    Array.from({ length: opened }, async () => {
      const abort = new AbortController();
      const response = await fetch(new URL(`/api/v1/letters/${letter.slug}/count/stream`, baseURL), { signal: abort.signal });
      await response.body!.getReader().read();
      return abort;
    }),
  );
  await expect.poll(streams).toBeGreaterThanOrEqual(opened);
  for (const abort of readers) abort.abort();
  await expect.poll(streams).toBeLessThan(opened);
});
