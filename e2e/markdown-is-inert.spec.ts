import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// Attack: an organiser account (stolen, or malicious) plants script in a letter's Markdown so
// that it runs in every visitor's browser: to deanonymise signers, forge signatures or deface
// the letter. Whatever the body holds, the page must render it as inert text and links.

const HOSTILE_BODY = `Dear board,

<script>window.__pwned = "script tag"</script>

<img src="x" onerror="window.__pwned = 'onerror'">

<svg onload="window.__pwned = 'svg'"></svg>

[Click for details](javascript:window.__pwned=1)

[Encoded](&#106;avascript:window.__pwned=2)

[Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<javascript:window.__pwned=3>

<a href="javascript:window.__pwned='raw anchor'">raw anchor</a>

[A real link](https://example.org/report)`;

test("script, event handlers and javascript: links in a letter body do nothing", async ({ page, db }) => {
  const letter = await createLetter(db, { title: "Hostile markdown", bodyMarkdown: HOSTILE_BODY });
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto(`/letters/${letter.slug}`);
  const body = page.locator(".prose");
  await expect(body.getByText("Dear board,")).toBeVisible();

  await expect(body.locator("script, img, svg, iframe, [onerror], [onload]")).toHaveCount(0);
  const hrefs = await body.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs).toContain("https://example.org/report");
  for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);

  // Each hostile link is still a link (the text survives), but clicking it goes nowhere.
  for (const name of ["Click for details", "Encoded", "Data"]) {
    await body.getByRole("link", { name, exact: true }).click();
  }
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}`));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
