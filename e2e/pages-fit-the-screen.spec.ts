import { mkdir } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { createPendingSignatures } from "@/tests/support/moderation";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";
import { E2E_ADMIN_EMAIL, signInAs } from "./support/organiser-session";

// A letter is opened on phones, and organisers moderate from theirs: no page may be wider than
// a 360 px screen (a sideways-scrolling page hides its buttons off-screen), and organiser tables
// get room at 1280 px instead of wrapping dates over three lines. Screenshots of every page at
// both widths go to test-results/screenshots/layout/ for a person to look at.

const SHOTS = "test-results/screenshots/layout";

async function expectFits(page: Page, path: string, name: string, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await expect(page.locator("h1").first(), path).toBeVisible();
  const overflow = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    // The elements that stick out, to say which one broke the layout.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > viewport + 1 && !element.closest(".table-scroll, .visually-hidden, .skip-link"))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, culprits };
  });
  expect(overflow.scrollWidth, `${path} at ${width} px is ${overflow.scrollWidth} px wide: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(
    overflow.viewport,
  );
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
}

async function seedLetters(db: TDb, request: APIRequestContext) {
  const open = await createLetter(db, {
    title: "Cancel the contract with the agency: a letter from the staff of Example Corporation",
    bodyMarkdown: "We, the undersigned, ask you to cancel the contract.\n\nSincerely,\nThe staff",
    demands: [{ text: "Cancel the contract." }, { text: "Publish a human-rights policy for every client, present and future.", status: "PARTLY_MET" }],
    domains: ["microsoft.com", "subsidiary-with-a-long-name.example.com"],
    statusUpdates: [{ kind: "DELIVERED", body: "Delivered to the board.", occurredAt: new Date() }],
  });
  await addConfirmedSignatures(db, open.id, [
    {
      name: "Named Signer With A Rather Long Name",
      domain: "microsoft.com",
      jobTitle: "Principal software engineering manager",
      team: "Azure infrastructure",
      comment: "Because it matters.",
    },
    { name: "Quiet Person", anonymous: true, domain: "subsidiary-with-a-long-name.example.com" },
  ]);
  await createPendingSignatures(db, open.id, 3, {
    from: new Date(Date.now() - 60_000),
    to: new Date(),
    sourceKey: "layout-check",
    domain: () => "microsoft.com",
  });
  const draft = await createLetter(db, { status: "DRAFT" });
  await waitForFoldedTotal(request, open.slug, 2);
  return { open, draft };
}

test("every public page fits a 360 px phone", async ({ page, db, request }) => {
  test.setTimeout(120_000); // 16 page views and screenshots
  await mkdir(SHOTS, { recursive: true });
  const { open } = await seedLetters(db, request);

  const publicPaths: [string, string][] = [
    ["/", "home"],
    ["/?q=nothing-matches-this", "home-search"],
    [`/letters/${open.slug}`, "letter"],
    [`/letters/${open.slug}/signatures`, "signatures"],
    ["/confirm/not-a-real-token-not-a-real-token-0000", "confirm"],
    ["/withdraw/not-a-real-token-not-a-real-token-000", "withdraw"],
    ["/sign-in", "sign-in"],
  ];
  for (const width of [360, 1280]) {
    for (const [path, name] of publicPaths) await expectFits(page, path, name, width);
  }
});

test("every organiser page fits a 360 px phone, and has room for its tables at 1280 px", async ({ page, db, request }) => {
  test.setTimeout(240_000); // 28 page views and screenshots
  await mkdir(SHOTS, { recursive: true });
  const { open, draft } = await seedLetters(db, request);
  const { userId } = await signInAs(page.context(), db, E2E_ADMIN_EMAIL);
  await db.letterOrganiser.createMany({ data: [draft, open].map((letter) => ({ letterId: letter.id, userId, role: "OWNER" as const })), skipDuplicates: true });
  // The organisers' timeline names each update's author by address, and addresses run long.
  const coOrganiser = await db.user.create({ data: { email: `a.co-organiser.${Date.now()}@subsidiary-with-a-long-name.example.com` } });
  await db.statusUpdate.create({ data: { letterId: open.id, kind: "NOTE", body: "Handed over in person.", occurredAt: new Date(), authorId: coOrganiser.id } });
  const organiserPaths: [string, string][] = [
    ["/organise", "organise"],
    ["/organise/review", "review"],
    ...[
      ["draft", draft.id],
      ["open", open.id],
    ].flatMap(([state, id]) =>
      ["", "/status", "/team", "/signatures", "/delivery", "/activity"].map((suffix): [string, string] => [
        `/organise/letters/${id}${suffix}`,
        `organise-${state}${suffix.replace("/", "-") || "-edit"}`,
      ]),
    ),
  ];
  for (const width of [360, 1280]) {
    for (const [path, name] of organiserPaths) await expectFits(page, path, name, width);
  }

  // The moderation buttons are on screen at 360 px, not beyond a sideways scroll.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/organise/letters/${open.id}/signatures`);
  for (const control of [page.getByRole("button", { name: "Hide name" }).first(), page.locator("summary", { hasText: "Invalidate…" }).first()]) {
    const box = await control.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360, `a moderation control is at ${JSON.stringify(box)}`).toBe(true);
  }

  // At 1280 px a date in the activity table stays on one line.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/organise/letters/${open.id}/signatures`);
  const firstDate = page.locator("table time").first();
  const dateBox = await firstDate.boundingBox();
  const lineHeight = await firstDate.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 24);
  expect(dateBox && dateBox.height <= lineHeight * 1.5, `a date is ${dateBox?.height} px tall`).toBe(true);
});

test("the verified total reads as one phrase: no wide gap between the figure and its words", async ({ page, db }) => {
  const letter = await createLetter(db, { total: 2, goal: 10_000 });
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("verified-total")).toHaveText("2");
  await expect(page.locator(".total-figure").first()).toContainText("2 verified signatures");
  const gap = await page
    .locator(".total-figure")
    .first()
    .evaluate((paragraph) => {
      const figure = paragraph.querySelector("strong")!;
      const rectOf = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect();
      };
      let words: Node | null = figure.nextSibling;
      while (words && !words.textContent?.trim()) words = words.nextSibling;
      const a = rectOf(figure);
      const b = rectOf(words!);
      // Words on the next line are no gap; on the same line, at most a space apart.
      return b.top >= a.bottom - 1 ? 0 : b.left - a.right;
    });
  expect(gap).toBeLessThan(12);
});
