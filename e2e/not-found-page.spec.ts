import { expect, test } from "./support/fixtures";

// A mistyped or outdated link lands on the site-wide 404 page. It was prerendered at build time
// without the response's script nonce, so the page policy refused every one of its scripts (11
// console errors) and the page never became interactive. The fixture fails the test on any
// such refusal; the link must also work as a client-side navigation, which needs the scripts.

test("a made-up address answers 404 with a page whose scripts run under the policy", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const response = await page.goto("/no-such-page/made-up-for-this-test");
  expect(response?.status()).toBe(404);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  // Every script of the page carries this response's nonce (the placeholder was swapped).
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  // Hydrated: the link is followed by the client router (no full page load).
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.getByRole("link", { name: "See the open letters" }).click();
  await expect(page).toHaveURL("/");
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(errors.filter((error) => !/404 \(Not Found\)/.test(error))).toEqual([]);
});
