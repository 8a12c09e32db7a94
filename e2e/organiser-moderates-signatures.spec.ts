import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";
import { createLetter } from "@/tests/support/factories";
import { createPendingSignatures, createSignatureRow } from "@/tests/support/moderation";
import { expect, test } from "./support/fixtures";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Organisers moderate who is on their letter, but must never learn who signed anonymously: an
// organiser colleague may be that signer's manager. Outsiders must not reach any of it.

/** A browser context signed in as a new organiser (of `organiserOf`, as its owner). */
async function signedInContext(browser: Browser, db: TDb, options: { organiserOf?: string } = {}) {
  const email = organiserAddress("organiser");
  const context: BrowserContext = await browser.newContext();
  const { userId } = await signInAs(context, db, email);
  if (options.organiserOf) await db.letterOrganiser.create({ data: { letterId: options.organiserOf, userId, role: "OWNER" } });
  return { context, email };
}

test("an organiser hides a name, invalidates a signature and a flood, exports and prints the letter", async ({ browser, db }) => {
  const letter = await createLetter(db, { title: "Fair pay for contractors", domains: ["example.com", "spam.test"] });
  const flood = "one-source-many-names";
  await createSignatureRow(db, letter.id, { name: "Pat Public", comment: "Long overdue." });
  await createSignatureRow(db, letter.id, { name: "Secret Sam", showName: false, jobTitle: "Director" });
  const ivan = await createSignatureRow(db, letter.id, { name: "Ivan Impostor" });
  await createSignatureRow(db, letter.id, { name: '=HYPERLINK("http://x")' });
  await createSignatureRow(db, letter.id, { name: "Flood One", domain: "spam.test", sourceKey: flood });
  await createSignatureRow(db, letter.id, { name: "Flood Two", domain: "spam.test", sourceKey: flood });
  await createSignatureRow(db, letter.id, { name: "Flood Three", domain: "spam.test", sourceKey: flood, state: "PENDING" });
  const { context, email } = await signedInContext(browser, db, { organiserOf: letter.id });
  const page = await context.newPage();

  await page.goto(`/organise/letters/${letter.id}/signatures`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signatures");
  await expect(page.getByTestId("count-confirmed")).toHaveText("6");
  await expect(page.getByTestId("count-pending")).toHaveText("1");
  await expect(page.getByRole("row").filter({ hasText: "Anonymous" })).toHaveCount(1);
  await expect(page.locator("body")).not.toContainText("Secret Sam");
  await expect(page.locator("body")).not.toContainText("Director");
  // The flood shows up among the busy sources.
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "@spam.test" })
      .filter({ has: page.getByRole("link", { name: "Preview invalidating" }) }),
  ).toHaveCount(1);

  const pat = page.getByRole("row").filter({ hasText: "Pat Public" });
  await pat.getByRole("button", { name: "Hide name" }).click();
  await expect(pat.getByRole("status")).toHaveText(/Name hidden/);
  await expect(pat.getByRole("button", { name: "Show name" })).toBeVisible();
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id, displayName: "Pat Public" } })).nameHidden).toBe(true);

  const impostor = page.getByRole("row").filter({ hasText: "Ivan Impostor" });
  await impostor.getByText("Invalidate…").click();
  await impostor.getByLabel("Reason (shown to co-organisers)").fill("Not an employee");
  await impostor.getByRole("button", { name: "Invalidate", exact: true }).click();
  await expect(impostor).toContainText("Invalidated");
  await expect(impostor).toContainText("Not an employee");
  expect(await db.signature.findUniqueOrThrow({ where: { id: ivan.id } })).toMatchObject({ state: "INVALIDATED", invalidationReason: "Not an employee" });

  const bulk = page.locator("#bulk");
  await bulk.getByLabel("Domain").fill("spam.test");
  await bulk.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("bulk-preview").getByRole("status").first()).toHaveText("This would invalidate 3 signatures: 2 confirmed, 1 pending.");
  await bulk.getByLabel("Reason (shown to co-organisers)").fill("One source signing as many people");
  await bulk.getByRole("button", { name: "Invalidate 3 signatures" }).click();
  await expect(bulk.getByText("Invalidated 3 signatures (2 confirmed, 1 pending).")).toBeVisible();
  await expect(bulk.getByText("No pending or confirmed signature matches this filter.")).toBeVisible();
  expect(await db.signature.count({ where: { letterId: letter.id, domain: "spam.test", state: "INVALIDATED" } })).toBe(3);
  await expect(page.getByTestId("count-confirmed")).toHaveText("3");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV for delivery" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${letter.slug}-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  // Two anonymous signers are too few to name their domain on what leaves the organisers' hands
  // (MIN_PUBLIC_GROUP, 5): they are counted under "Other domains".
  expect(csv).toContain('"Other domains","2","0"');
  expect(csv).not.toContain('"example.com","2"');
  for (const unnamed of ["Secret Sam", "Pat Public", "Ivan Impostor", "Flood"]) expect(csv).not.toContain(unnamed);
  const response = await context.request.post(`/organise/letters/${letter.id}/export.csv`);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="/);
  // A GET (a link another site could open) exports nothing and records nothing.
  expect((await context.request.get(`/organise/letters/${letter.id}/export.csv`)).status()).toBe(405);

  await page.goto(`/organise/letters/${letter.id}/delivery`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fair pay for contractors");
  await expect(page.getByRole("heading", { name: "Signed by 3 verified signers" })).toBeVisible();
  await expect(page.getByText("2 anonymous verified signers at other domains")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Secret Sam");
  await expect(page.locator("body")).not.toContainText("Pat Public");

  await page.goto(`/organise/letters/${letter.id}/activity`);
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("exported the signatures");
  await expect(rows.nth(1)).toContainText(email);
  await expect(page.getByText("invalidated 3 signatures at @spam.test — reason: “One source signing as many people”")).toBeVisible();
  await expect(page.getByText("hid the name of a signer at @example.com")).toBeVisible();
  await context.close();
});

test("an organiser is alerted to a burst from one source and previews invalidating exactly it", async ({ browser, db }) => {
  const letter = await createLetter(db, { title: "Safe staffing levels" });
  const now = Date.now();
  // A source that sent nothing yesterday sends 30 names at ten domains in five minutes; the
  // regular signers around it are not part of the burst.
  await createPendingSignatures(db, letter.id, 30, {
    from: new Date(now - 5 * 60_000),
    to: new Date(now),
    sourceKey: "burst-source",
    domain: (index) => `n${index % 10}.test`,
  });
  for (const name of ["Regular One", "Regular Two"]) await createSignatureRow(db, letter.id, { name });
  const { context } = await signedInContext(browser, db, { organiserOf: letter.id });
  const page = await context.newPage();

  await page.goto("/organise");
  const card = page.getByRole("listitem").filter({ hasText: "Safe staffing levels" });
  await expect(card).toContainText(/Unusual activity: 30 signatures from one source \([0-9a-f]{8}\) in the last 10 minutes \(usually none\)/);
  await card.getByRole("link", { name: "Review signatures" }).click();

  const alerts = page.getByRole("region", { name: "Unusual activity" });
  await expect(alerts.getByRole("listitem")).toHaveCount(1);
  await alerts.getByRole("link", { name: "Review or invalidate them" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.has("source") && url.searchParams.has("from") && url.searchParams.has("to"));
  const bulk = page.locator("#bulk");
  await expect(bulk.getByLabel("Source label")).toHaveValue(/^[0-9a-f]{8}$/);
  await expect(bulk.getByLabel("Submitted from (UTC)")).not.toHaveValue("");
  await expect(page.getByTestId("bulk-preview").getByRole("status").first()).toHaveText("This would invalidate 30 signatures: 0 confirmed, 30 pending.");
  await context.close();
});

test("signed-out visitors are sent to sign in and strangers find nothing, on every moderation page and the CSV", async ({ browser, db, page, request }) => {
  const letter = await createLetter(db);
  await createSignatureRow(db, letter.id, { name: "Someone Signed" });
  const paths = ["signatures", "delivery", "activity"].map((section) => `/organise/letters/${letter.id}/${section}`);

  for (const path of paths) {
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("callbackUrl") === path);
  }
  const signedOut = await request.post(`/organise/letters/${letter.id}/export.csv`);
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.text()).not.toContain("Someone Signed");

  const { context } = await signedInContext(browser, db);
  const stranger = await context.newPage();
  for (const path of paths) {
    const response = await stranger.goto(path);
    expect(response?.status()).toBe(404);
    await expect(stranger.locator("body")).not.toContainText(letter.title);
  }
  const refused = await context.request.post(`/organise/letters/${letter.id}/export.csv`);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("Someone Signed");
  expect(await db.letterActivity.count({ where: { letterId: letter.id } })).toBe(0);
  await context.close();
});
