import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// A letter travels as a link: in a chat, on social media, embedded on a union's site. The
// preview must show what the letter is and how many have signed, right now.

test("the letter page carries Open Graph and Twitter tags, a canonical URL and a description", async ({ page, db }) => {
  const letter = await createLetter(db, { title: "Keep the office open late", addressee: "The COO of Example Corp", total: 1234 });
  await page.goto(`/letters/${letter.slug}`);
  const meta = (selector: string) => page.locator(`head meta[${selector}]`).first().getAttribute("content");
  await expect(page).toHaveTitle("Keep the office open late · Undersigned");
  expect(await meta('name="description"')).toBe("An open letter to The COO of Example Corp, signed by 1,234 verified employees.");
  expect(await meta('property="og:title"')).toBe("Keep the office open late");
  expect(await meta('property="og:type"')).toBe("article");
  expect(await meta('property="og:url"')).toMatch(new RegExp(`/letters/${letter.slug}$`));
  expect(await meta('property="og:image"')).toMatch(new RegExp(`^https?://.+/letters/${letter.slug}/og\\.png$`));
  expect(await meta('property="og:image:alt"')).toContain("1,234 verified signatures");
  expect(await meta('name="twitter:card"')).toBe("summary_large_image");
  expect(await meta('name="twitter:image"')).toMatch(/og\.png$/);
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`/letters/${letter.slug}$`));
});

test("the count badge is an SVG image with the current total", async ({ request, db }) => {
  const letter = await createLetter(db, { total: 1234 });
  const badge = await request.get(`/letters/${letter.slug}/badge.svg`);
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(badge.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  const svg = await badge.text();
  expect(svg).toContain(">1,234</text>");
  expect(svg).toContain("<title>1,234 verified signatures</title>");
  expect((await request.get("/letters/no-such-letter/badge.svg")).status()).toBe(404);
});

test("the letter page offers the badge with a snippet to embed it", async ({ page, db }) => {
  const letter = await createLetter(db, { total: 12 });
  await page.goto(`/letters/${letter.slug}`);
  await page.getByText("Embed a live count badge on your site").click();
  const snippet = await page.getByLabel("HTML to paste").inputValue();
  expect(snippet).toMatch(new RegExp(`^<a href="https?://[^"]+/letters/${letter.slug}"><img src="https?://[^"]+/letters/${letter.slug}/badge\\.svg"`));
  await expect(page.getByRole("img", { name: "12 verified signatures" })).toBeVisible();
});

test("the Open Graph image is a 1200×630 PNG drawn with the current total", async ({ request, db }) => {
  const letter = await createLetter(db, { total: 1234 });
  const first = await request.get(`/letters/${letter.slug}/og.png`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("image/png");
  const png = await first.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  // The total is drawn into the image: the same letter with another total is another picture.
  await db.letterCount.update({ where: { letterId: letter.id }, data: { total: 5678, updatedAt: new Date() } });
  await expect.poll(async () => Buffer.compare(await (await request.get(`/letters/${letter.slug}/og.png`)).body(), png) !== 0).toBe(true);
  expect((await request.get("/letters/no-such-letter/og.png")).status()).toBe(404);
});
