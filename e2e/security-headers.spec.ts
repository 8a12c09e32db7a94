import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { expect, test } from "./support/fixtures";

// Headers that make a browser refuse to frame our pages (clickjacking a sign or publish
// button), to sniff content types, to leak a letter's address or a link's token in Referer, to
// lend our pages a camera, or to run a script we did not send. Every kind of response carries
// them: pages, the API, the count answered before Next, the organiser side.

const LETTER = `/letters/${DEMO_LETTER_SLUG}`;
const COUNT = `/api/v1/letters/${DEMO_LETTER_SLUG}/count`;
const PATHS = ["/", LETTER, "/api/v1/letters", COUNT, "/sign-in", "/api/health"];
const PAGES = ["/", LETTER, `${LETTER}/signatures`, "/sign-in", "/sign-in/check-email", "/confirm/not-a-token", "/letters/no-such-letter"];

const scriptNonce = (policy: string | undefined) => /script-src 'nonce-([A-Za-z0-9_-]{22})' 'strict-dynamic'/.exec(policy ?? "")?.[1];

test("every response carries the security headers; only the badge may be framed", async ({ request }) => {
  // Twice for the count: the second answer comes from the fast path in front of Next.
  for (const path of [...PATHS, COUNT]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-inline' 'unsafe-eval");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // The app under test is served over http: no HSTS pin for localhost.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  for (const json of [COUNT, "/api/v1/letters"])
    expect((await request.get(json)).headers()["content-security-policy"], json).toBe("default-src 'none'; frame-ancestors 'none'");
  const badge = (await request.get(`${LETTER}/badge.svg`)).headers();
  expect(badge["x-frame-options"]).toBeUndefined();
  // Framing allowed on purpose, and said so (lib/pipeline/security-headers.ts).
  expect(badge["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
  expect(badge["x-content-type-options"]).toBe("nosniff");
});

test("every page's scripts carry a nonce that is new on every response, cached pages included", async ({ request }) => {
  for (const path of PAGES) {
    const seen = new Set<string>();
    for (const attempt of [1, 2]) {
      const response = await request.get(path, { headers: attempt === 2 ? { "accept-encoding": "gzip" } : {} });
      const nonce = scriptNonce(response.headers()["content-security-policy"]);
      expect(nonce, `${path}: ${response.headers()["content-security-policy"]}`).toBeDefined();
      expect(response.headers()["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
      // No 304s: a cached page revalidated against a new policy would keep its old nonce.
      expect(response.headers()["etag"], path).toBeUndefined();
      seen.add(nonce!);
    }
    expect(seen.size, `${path} gave the same nonce twice`).toBe(2);
  }
});

test("the browser runs the page's own scripts and refuses one slipped into the page", async ({ context }) => {
  // A page of its own: the fixture's page fails a test on the very refusals this one expects.
  const page = await context.newPage();
  // Stand-in for a stored XSS the sanitiser missed: the letter page as served, with its real
  // policy, plus an inline script and an event handler an attacker might have got in.
  await page.route(LETTER, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", `<script>window.__injected = 1</script><img src="x" onerror="window.__injected = 2"></body>`);
    await route.fulfill({ response, body: html });
  });
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(LETTER);
  // Next's client sets `window.next` when it starts: the page's own scripts ran.
  await expect.poll(() => page.evaluate(() => Boolean((window as { next?: unknown }).next))).toBe(true);
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  expect(refused.length).toBeGreaterThanOrEqual(2);
});

test("the site-wide 404 page, rendered at build time without a nonce, is served with no script and a policy that allows none", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !/404/.test(message.text())) errors.push(message.text());
  });
  const response = await page.goto("/no-such-page/at-all");
  expect(response?.status()).toBe(404);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/^script-src 'none'; /);
  expect(policy).toContain("frame-ancestors 'none'");
  const html = (await response?.text()) ?? "";
  expect(html).not.toMatch(/<script\b|as="script"/);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  // Nothing refused, nothing broken: the fixture fails the test on any policy refusal.
  expect(errors).toEqual([]);
  // The way on is a plain link.
  await page.getByRole("link", { name: "See the open letters" }).click();
  await expect(page).toHaveURL("/");
});
