import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";
import { waitForEmailTo } from "./support/mailbox";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Employees pass a letter around inside the company before the press hears of it (the
// Microsoft letter was on an internal board first). Asha launches hers quietly: anyone with the
// link can read and sign it, but no list, search, sitemap, feed or search engine shows it until
// she makes it public, by hand or once enough colleagues have signed.

/** Where a letter could be discovered without its link, and whether `slug` is there. */
async function discoverable(request: APIRequestContext, slug: string, title: string) {
  const text = async (path: string) => (await request.get(path)).text();
  const apiList = (await (await request.get("/api/v1/letters?limit=100")).json()) as { letters: { slug: string }[] };
  return {
    home: (await text("/")).includes(`/letters/${slug}`),
    search: (await text(`/?q=${encodeURIComponent(title)}`)).includes(`/letters/${slug}`),
    sitemap: (await text("/sitemap.xml")).includes(`/letters/${slug}<`),
    feed: (await text("/feed.xml")).includes(`/letters/${slug}"`),
    api: apiList.letters.some((letter) => letter.slug === slug),
  };
}

const NOWHERE = { home: false, search: false, sitemap: false, feed: false, api: false };
const EVERYWHERE = { home: true, search: true, sitemap: true, feed: true, api: true };

async function robotsOf(page: Page, path: string): Promise<string | null> {
  await page.goto(path);
  const meta = page.locator('meta[name="robots"]');
  return (await meta.count()) === 0 ? null : meta.getAttribute("content");
}

test("an organiser publishes a letter unlisted, shares it by link, then makes it public", async ({ page, request, db }) => {
  test.setTimeout(90_000);
  const asha = organiserAddress("asha");
  const title = `Quiet launch ${randomBytes(3).toString("hex")}`;
  const draft = await createLetter(db, { status: "DRAFT", title });
  const { userId } = await signInAs(page.context(), db, asha);
  await db.letterOrganiser.create({ data: { letterId: draft.id, userId, role: "OWNER" } });

  await page.goto(`/organise/letters/${draft.id}`);
  const card = page.getByRole("region", { name: "Who can find it" });
  await card.getByRole("radio", { name: /Unlisted/ }).check();
  await card.getByLabel(/Go public automatically/).fill("500");
  await card.getByRole("button", { name: "Save visibility" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved: the letter is unlisted.");
  await expect(page.getByTestId("visibility-state")).toHaveText(
    "Unlisted — once published, only people with the link can find it. Goes public at 500 verified signatures.",
  );
  await page.getByRole("button", { name: "Publish letter" }).click();
  await expect(page.getByText("Open for signatures")).toBeVisible();
  await expect(page.getByTestId("visibility-state")).toHaveText(
    "Unlisted — only people with the link can find it. Goes public at 500 verified signatures (0 now).",
  );

  // Whoever has the link reads and can sign it; nothing else leads to it.
  expect(await discoverable(request, draft.slug, title)).toEqual(NOWHERE);
  expect(await robotsOf(page, `/letters/${draft.slug}`)).toMatch(/^noindex/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("unlisted-notice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign this letter" })).toBeVisible();
  expect(await robotsOf(page, `/letters/${draft.slug}/signatures`)).toMatch(/^noindex/);
  const image = await request.get(`/letters/${draft.slug}/og.png`);
  expect(image.status()).toBe(200);
  expect(image.headers()["x-robots-tag"]).toBe("noindex");
  expect((await request.get(`/letters/${draft.slug}/feed.xml`)).headers()["x-robots-tag"]).toBe("noindex");
  // The badge is never indexed, listed or not: a count embedded in other pages.
  expect((await request.get(`/letters/${draft.slug}/badge.svg`)).headers()["x-robots-tag"]).toBe("noindex");
  const api = await request.get(`/api/v1/letters/${draft.slug}`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ slug: draft.slug, listed: false });

  await page.goto(`/organise/letters/${draft.id}`);
  await page.getByRole("button", { name: "Make public now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Public: the letter is now listed" })).toBeVisible();
  await expect(page.getByTestId("visibility-state")).toContainText("Public since");

  // Pages and lists are cached for a few seconds: a later visit finds it everywhere.
  await expect.poll(() => discoverable(request, draft.slug, title), { timeout: 20_000, intervals: [500] }).toEqual(EVERYWHERE);
  await expect.poll(() => robotsOf(page, `/letters/${draft.slug}`), { timeout: 20_000, intervals: [500] }).toBeNull();
  await expect(page.locator(".timeline")).toContainText("The organisers made the letter public.");
  await expect(page.getByTestId("unlisted-notice")).toHaveCount(0);
  expect((await request.get(`/letters/${draft.slug}/og.png`)).headers()["x-robots-tag"]).toBeUndefined();
  expect(await (await request.get(`/api/v1/letters/${draft.slug}`)).json()).toMatchObject({ listed: true });
});

test("an unlisted letter goes public by itself at its threshold, and its organiser is told", async ({ page, request, db }) => {
  const owner = organiserAddress("owner");
  const title = `Threshold launch ${randomBytes(3).toString("hex")}`;
  const letter = await createLetter(db, { title, listed: false, listAtSignatures: 3 });
  const { userId } = await signInAs(page.context(), db, owner);
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });

  await addConfirmedSignatures(db, letter.id, [{}, {}]);
  await waitForFoldedTotal(request, letter.slug, 2);
  expect(await discoverable(request, letter.slug, title)).toEqual(NOWHERE);

  await addConfirmedSignatures(db, letter.id, [{}]);
  const email = await waitForEmailTo(owner);
  expect(email.subject).toBe("Your open letter on Undersigned is now public");
  expect(email.text).toContain("reached 3 verified signatures, so it was made public");
  await expect.poll(() => discoverable(request, letter.slug, title), { timeout: 20_000, intervals: [500] }).toEqual(EVERYWHERE);
  await page.goto(`/organise/letters/${letter.id}`);
  await expect(page.getByTestId("visibility-state")).toContainText("Public since");
  await expect(page.getByRole("button", { name: "Make public now" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Made public" })).toBeDisabled();
});
