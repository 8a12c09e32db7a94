import type { Browser, Page } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";
import { SAFE_MARKDOWN_LINK, XSS_MARKDOWN_PAYLOADS, XSS_TEXT_PAYLOADS, CSV_FORMULA_PAYLOADS } from "@/tests/support/xss-corpus";
import { expect, test } from "./support/fixtures";
import { publicSignerTexts, seedHostileLetter, seedHostileLettersInReview } from "./support/hostile-letter";
import { dialogsOf, expectInertPage } from "./support/inert-page";
import { waitForEmailTo } from "./support/mailbox";
import { E2E_ADMIN_EMAIL, organiserAddress, signInAs } from "./support/organiser-session";

// Attack: stored XSS. Anyone can sign, and anyone can start a letter, so every text field a
// signer or organiser writes (names, comments, titles, the Markdown body, demands, updates,
// reasons) is attacker-controlled. Script that runs on a letter page can forge or withdraw
// signatures and unmask readers; on an organiser page it acts with the organiser's session, and
// in an export or email it reaches a spreadsheet or a mail client. Each page and output is
// checked without relying on a Content-Security-Policy: the markup itself must be inert.

// Each test loads and inspects up to six server-rendered pages: more than most specs, so more time.
test.describe.configure({ timeout: 60_000 });

const MARKDOWN_LABELS = XSS_MARKDOWN_PAYLOADS.flatMap((payload) => (payload.label ? [payload.label] : []));
const DEMAND_TEXTS = XSS_TEXT_PAYLOADS.slice(0, 20);
const UPDATE_TEXTS = XSS_TEXT_PAYLOADS.slice(20, 30);

async function visit(page: Page, path: string, shows: readonly string[]) {
  dialogsOf(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectInertPage(page, shows);
}

async function pageSignedInAs(browser: Browser, db: TDb, email: string) {
  const context = await browser.newContext();
  await signInAs(context, db, email);
  return { context, page: await context.newPage() };
}

test("public pages show every hostile field as text and run none of it", async ({ page, db }) => {
  const seeded = await seedHostileLetter(db);
  const { letter } = seeded;

  await visit(page, "/", [letter.title, letter.addressee]);
  await visit(page, `/?q=${encodeURIComponent(`"><script>window.__xss=1</script>`)}`, [`matching “"><script>window.__xss=1</script>”`]);

  await visit(page, `/letters/${letter.slug}`, [
    letter.title,
    letter.addressee,
    "Dear board, this body is hostile.",
    ...MARKDOWN_LABELS,
    ...DEMAND_TEXTS,
    ...UPDATE_TEXTS,
    seeded.signatures[0]!.displayName,
    seeded.signatures[0]!.comment!,
  ]);
  expect(await page.title()).toContain(letter.title);
  await expect(page.locator(".prose a", { hasText: SAFE_MARKDOWN_LINK.label })).toHaveAttribute("href", SAFE_MARKDOWN_LINK.href);
  // The embed code is HTML that other sites paste: parsed, it must be one link around one image
  // whose alternative text is the title, whatever the title holds.
  const embed = await page.locator("#embed-code").inputValue();
  const parsedEmbed = await page.evaluate((html) => {
    const body = new DOMParser().parseFromString(html, "text/html").body;
    return {
      elements: [...body.querySelectorAll("*")].map((element) => element.tagName.toLowerCase()),
      attributes: [...body.querySelectorAll("*")].flatMap((element) => element.getAttributeNames()),
      alt: body.querySelector("img")?.alt,
    };
  }, embed);
  expect(parsedEmbed).toEqual({ elements: ["a", "img"], attributes: ["href", "src", "alt", "height"], alt: `Verified signatures on “${letter.title}”` });

  await visit(page, `/letters/${letter.slug}/signatures`, publicSignerTexts(seeded));
  const { pending } = seeded;
  await visit(page, seeded.confirmPath, [letter.title, pending.displayName, pending.jobTitle!, pending.team!]);
  await visit(page, seeded.withdrawPath, [letter.title, seeded.signatures[0]!.displayName]);

  // The dev mailbox renders email text; production must not serve it at all.
  expect((await page.request.get("/dev/mailbox")).status()).toBe(404);
});

test("a letter's organiser pages show every hostile field as text and run none of it", async ({ browser, db }) => {
  const seeded = await seedHostileLetter(db);
  const { letter } = seeded;
  const { context, page } = await pageSignedInAs(browser, db, seeded.owner.email);
  const base = `/organise/letters/${letter.id}`;

  await visit(page, base, [letter.title, letter.addressee, ...MARKDOWN_LABELS, ...DEMAND_TEXTS]);
  await visit(page, `${base}/signatures`, [...publicSignerTexts(seeded), seeded.invalidationReason]);
  await visit(page, `${base}/delivery`, [
    letter.title,
    letter.addressee,
    ...MARKDOWN_LABELS,
    ...DEMAND_TEXTS,
    ...seeded.signatures.filter((s) => s.showName).map((s) => s.displayName),
  ]);
  await visit(page, `${base}/activity`, [...seeded.activityReasons, seeded.invitedEmail, seeded.owner.email]);
  await visit(page, `${base}/status`, [letter.title, ...DEMAND_TEXTS, ...UPDATE_TEXTS]);
  await visit(page, `${base}/team`, [seeded.owner.email, seeded.invitedEmail]);
  await context.close();
});

test("the dashboard, a draft sent back by review and the review queue show hostile text inertly", async ({ browser, db }) => {
  const seeded = await seedHostileLetter(db);
  const { rejected, inReview } = await seedHostileLettersInReview(db, seeded.owner.id);
  const { context, page } = await pageSignedInAs(browser, db, seeded.owner.email);

  await visit(page, "/organise", [seeded.letter.title, rejected.title, `Sent back by review: ${rejected.reviewNote}`]);
  // The draft's fields come back into the editor's inputs as values.
  await visit(page, `/organise/letters/${rejected.id}`, [rejected.reviewNote]);
  await expect(page.locator("#letter-title")).toHaveValue(rejected.title);
  await expect(page.locator("#letter-addressee")).toHaveValue(rejected.addressee);
  await expect(page.locator("#letter-body")).toHaveValue(rejected.bodyMarkdown);
  await context.close();

  const admin = await pageSignedInAs(browser, db, E2E_ADMIN_EMAIL);
  await visit(admin.page, "/organise/review", [inReview.title, inReview.addressee, seeded.owner.email]);
  await admin.context.close();
});

test("the preview image, badge, CSV export, JSON API and emails carry hostile text inertly", async ({ browser, db, request }) => {
  const seeded = await seedHostileLetter(db);
  const { letter } = seeded;

  // A raster: inert means it is drawn from our data alone (nothing in the title is fetched).
  const preview = await request.get(`/letters/${letter.slug}/og.png`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("image/png");
  expect((await preview.body()).subarray(1, 4).toString()).toBe("PNG");

  const badge = await request.get(`/letters/${letter.slug}/badge.svg`);
  expect(badge.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  const { context, page } = await pageSignedInAs(browser, db, seeded.owner.email);
  const parsedBadge = await page.evaluate(
    (svg) => {
      const document = new DOMParser().parseFromString(svg, "image/svg+xml");
      const elements = [...document.querySelectorAll("*")];
      return {
        wellFormed: document.querySelector("parsererror") === null && document.documentElement.tagName === "svg",
        active: elements.filter(
          (element) =>
            ["script", "foreignObject", "a", "image", "use", "iframe"].includes(element.tagName) ||
            element.getAttributeNames().some((name) => /^on|href$/i.test(name)),
        ).length,
      };
    },
    await badge.text(),
  );
  expect(parsedBadge).toEqual({ wellFormed: true, active: 0 });

  // The export: each formula payload that reached a named signer's name, title or team is quoted.
  const exported = await page.request.post(`/organise/letters/${letter.id}/export.csv`);
  expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(exported.headers()["x-content-type-options"]).toBe("nosniff");
  const csv = await exported.text();
  const cells = [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replaceAll('""', '"'));
  const formulas = CSV_FORMULA_PAYLOADS.filter((payload) => cells.some((cell) => cell.slice(1) === payload));
  expect(formulas.length).toBeGreaterThanOrEqual(CSV_FORMULA_PAYLOADS.length - 1);
  for (const cell of cells) expect(cell, "a cell a spreadsheet would evaluate").not.toMatch(/^[=+\-@\t\r]/);
  expect(cells).toContain("<script>window.__xss=1</script>");

  // The public API: the payloads as JSON strings, in a response no browser sniffs as HTML.
  const api = await request.get(`/api/v1/letters/${letter.slug}`);
  expect(api.headers()["content-type"]).toMatch(/^application\/json/);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await api.json()) as unknown).toMatchObject({
    title: letter.title,
    addressee: letter.addressee,
    body: letter.bodyMarkdown,
    demands: DEMAND_TEXTS.map((text) => ({ text })),
  });

  // An email that names the letter (not discreet), through the real SMTP capture.
  const signer = `signer-${organiserAddress("x").split("@")[0]}@example.com`;
  const signing = await request.post(`/api/v1/letters/${letter.slug}/signatures`, {
    data: { name: "<img src=x onerror=alert(1)>", email: signer, anonymous: false },
  });
  expect(signing.status()).toBe(202);
  const email = await waitForEmailTo(signer);
  expect(email.subject).toContain(letter.title.replace(/\s+/g, " "));
  const { activeTags, shownText } = await page.evaluate((html) => {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    return {
      activeTags: [...parsed.querySelectorAll("script, img, svg, iframe, object, embed, style, [onerror], [onload], [onmouseover]")].length,
      shownText: parsed.body.textContent ?? "",
    };
  }, email.html);
  expect(activeTags).toBe(0);
  expect(shownText).toContain(letter.title);
  expect(shownText).toContain(letter.addressee);
  await context.close();
});
