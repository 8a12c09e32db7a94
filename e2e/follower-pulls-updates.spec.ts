import { createLetter } from "@/tests/support/factories";
import { parseAtomFeed } from "@/tests/support/atom-feed";
import { parseICalendar } from "@/tests/support/icalendar";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { expect, test } from "./support/fixtures";
import { seedHostileLetter } from "./support/hostile-letter";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Ren signed a letter and wants to know when it is delivered and what the company answers, but
// will not hand anyone an address to be told. The letter page offers a feed and a calendar to
// pull; the organisers post an update with a promised answer date, and both carry it.

const CACHED_LIKE_PAGES = /^public, max-age=0, s-maxage=(\d+), stale-while-revalidate=\d+$/;
const DAY_MS = 24 * 60 * 60 * 1000;

test("a follower finds the feed and calendar, and an organiser's update reaches both", async ({ page, browser, request, db }) => {
  // Two browser contexts, an organiser's form and a page whose cache must turn over: like the
  // organiser's story (organiser-publishes-a-letter.spec.ts), more than the default time.
  test.setTimeout(120_000);
  const letter = await createLetter(db, {
    demands: [{ text: "Cancel the contract." }],
    statusUpdates: [{ kind: "PUBLISHED", body: "The letter was published and is open for signatures.", occurredAt: new Date() }],
  });
  await db.letter.update({ where: { id: letter.id }, data: { closesAt: new Date(Date.now() + 30 * DAY_MS) } });
  const feedPath = `/letters/${letter.slug}/feed.xml`;

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", new RegExp(`${feedPath}$`));
  await expect(page.getByRole("link", { name: "Follow updates" })).toHaveAttribute("href", feedPath);
  await expect(page.getByText("Paste the “Follow updates” link into a feed reader")).toBeVisible();

  const before = await request.get(feedPath);
  expect(before.status()).toBe(200);
  expect(before.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const cacheSeconds = Number(CACHED_LIKE_PAGES.exec(before.headers()["cache-control"] ?? "")?.[1]);
  expect(cacheSeconds).toBeGreaterThan(0);
  // Nothing in a feed may run, whatever a browser makes of it.
  expect(before.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(parseAtomFeed(await before.text()).entries.map((entry) => entry.title)).toEqual(["Published: The letter was published and is open for signatures."]);
  // A reader polling with the tag it has gets no body while nothing changed.
  const etag = before.headers()["etag"]!;
  expect((await request.get(feedPath, { headers: { "If-None-Match": etag } })).status()).toBe(304);

  // The organiser reports the delivery and the promise, then a refused demand, through the status page.
  const context = await browser.newContext();
  const owner = organiserAddress("ren-organiser");
  const { userId } = await signInAs(context, db, owner);
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });
  const organiserPage = await context.newPage();
  await organiserPage.goto(`/organise/letters/${letter.id}/status`);
  const promised = new Date(Date.now() + 14 * DAY_MS).toISOString().slice(0, 10);
  await organiserPage.getByLabel("Kind").selectOption("DELIVERED");
  await organiserPage.getByLabel("Text").fill("Handed to the board, who promised an answer in two weeks.");
  await organiserPage.getByLabel("Answer promised by (optional)").fill(promised);
  await organiserPage.getByRole("button", { name: "Post update" }).click();
  await expect(organiserPage.getByRole("status")).toHaveText("Update posted.");
  await expect(organiserPage.locator(".timeline-respond-by")).toContainText("Answer promised by");
  await organiserPage.getByLabel("Status of demand 1").selectOption("REFUSED");
  await organiserPage.getByRole("button", { name: "Save status of demand 1" }).click();
  await expect(organiserPage.getByRole("status").filter({ hasText: "Demand status saved." })).toBeVisible();
  await context.close();

  // Within the time a cache may keep the feed, it carries both, newest first.
  await expect(async () => {
    const after = await request.get(feedPath, { headers: { "If-None-Match": etag } });
    expect(after.status()).toBe(200);
    const titles = parseAtomFeed(await after.text()).entries.map((entry) => entry.title);
    expect(titles).toEqual([
      "Demand update: Demand 1 was refused: “Cancel the contract.”",
      "Delivered: Handed to the board, who promised an answer in two weeks.",
      "Published: The letter was published and is open for signatures.",
    ]);
  }).toPass({ timeout: cacheSeconds * 1000, intervals: [500] });

  const calendarResponse = await request.get(`/letters/${letter.slug}/calendar.ics`);
  expect(calendarResponse.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(calendarResponse.headers()["cache-control"]).toMatch(CACHED_LIKE_PAGES);
  const calendar = parseICalendar(await calendarResponse.text());
  expect(calendar.events.map((event) => event.summary)).toEqual([
    `Published: “${letter.title}”`,
    `Last day to sign: “${letter.title}”`,
    `Answer due from ${letter.addressee}: “${letter.title}”`,
  ]);
  expect(calendar.events[2]!.start).toBe(promised);

  // The page's timeline shows the promise too, once its cache has turned over.
  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    await expect(page.locator(".timeline-respond-by")).toContainText("Answer promised by", { timeout: 500 });
  }).toPass({ timeout: 30_000, intervals: [500] });
});

test("the site feed lists new letters; drafts and letters in review have no feed or calendar", async ({ page, request, db }) => {
  test.setTimeout(60_000);
  const published = await createLetter(db);
  const draft = await createLetter(db, { status: "DRAFT" });
  const inReview = await createLetter(db, { status: "IN_REVIEW" });

  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  await expect(page.getByRole("link", { name: "Follow new letters" })).toHaveAttribute("href", "/feed.xml");
  const site = await request.get("/feed.xml");
  expect(site.headers()["cache-control"]).toMatch(CACHED_LIKE_PAGES);
  const entries = parseAtomFeed(await site.text()).entries;
  expect(entries.map((entry) => entry.id)).toContain(`urn:uuid:${published.id}`);
  expect(entries.map((entry) => entry.id)).not.toContain(`urn:uuid:${draft.id}`);

  for (const slug of [draft.slug, inReview.slug, "no-such-letter"]) {
    for (const path of [`/letters/${slug}/feed.xml`, `/letters/${slug}/calendar.ics`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["cache-control"], path).toBe("no-store");
    }
  }
});

test("hostile text in a letter's updates comes out of its feed and calendar as text", async ({ request, db }) => {
  const { letter } = await seedHostileLetter(db);
  const updates = XSS_TEXT_PAYLOADS.slice(20, 30);
  const feedResponse = await request.get(`/letters/${letter.slug}/feed.xml`);
  expect(feedResponse.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(feedResponse.headers()["x-content-type-options"]).toBe("nosniff");
  const feed = parseAtomFeed(await feedResponse.text());
  expect(feed.title).toBe(`Updates on “${letter.title}”`);
  // Each update parsed back exactly as written, as text: no element inside any entry's content.
  expect(feed.entries.map((entry) => entry.content).sort()).toEqual([...updates].sort());
  expect(feed.entries.every((entry) => entry.contentType === "text" && entry.titleType === "text" && !entry.contentHasElements)).toBe(true);

  const calendar = parseICalendar(await (await request.get(`/letters/${letter.slug}/calendar.ics`)).text());
  expect(calendar.name).toBe(`“${letter.title}”`);
  expect(calendar.events[0]!.description).toContain(letter.addressee);
});
