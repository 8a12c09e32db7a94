import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// What browsers and search engines ask every site for: an icon (a 404 for /favicon.ico on every
// page otherwise), a manifest, robots.txt, and a sitemap that lists published letters only.

test("the icons and the web app manifest are served, and pages point to them", async ({ page, request }) => {
  const notFound: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  await page.goto("/");
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/icon-192.png", /image\/png/],
    ["/icon-512.png", /image\/png/],
    ["/icon-maskable-512.png", /image\/png/],
    ["/apple-touch-icon.png", /image\/png/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining("Undersigned"), short_name: "Undersigned", start_url: "/" });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  expect(notFound).toEqual([]);
});

test("robots.txt keeps crawlers off private pages and names the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/m);
  for (const path of ["/organise", "/confirm/", "/withdraw/", "/sign-in"]) expect(text).toContain(`Disallow: ${path}`);
  expect(text).toContain(`Sitemap: ${process.env.E2E_BASE_URL}/sitemap.xml`);
});

test("the sitemap lists open and closed letters, never a draft or a letter in review", async ({ request, db }) => {
  const [open, closed, draft, inReview] = await Promise.all([
    createLetter(db, { status: "OPEN" }),
    createLetter(db, { status: "CLOSED" }),
    createLetter(db, { status: "DRAFT" }),
    createLetter(db, { status: "IN_REVIEW", publishedAt: null }),
  ]);
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/xml/);
  const xml = await response.text();
  expect(xml).toContain(`<loc>${process.env.E2E_BASE_URL}/letters/${open.slug}</loc>`);
  expect(xml).toContain(`<loc>${process.env.E2E_BASE_URL}/letters/${closed.slug}</loc>`);
  expect(xml).not.toContain(draft.slug);
  expect(xml).not.toContain(inReview.slug);
});
