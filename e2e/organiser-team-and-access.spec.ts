import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { waitForEmailTo } from "./support/mailbox";
import { organiserAddress, signInAs } from "./support/organiser-session";

// A draft can name its target before anyone is ready to go public, and the organiser pages
// hold the letter's team and history. Whoever is not an organiser must not even learn that a
// letter exists there: signed-out visitors are sent to sign in, strangers get a 404.

const LETTER_PAGES = ["", "/status", "/team", "/signatures", "/delivery", "/activity"];

test("signed-out visitors are sent to sign in, and strangers get a 404, on every organiser page", async ({ browser, db }) => {
  const letter = await createLetter(db, { status: "DRAFT" });
  const owner = organiserAddress("owner");
  const { userId } = await signInAs(await browser.newContext(), db, owner);
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });

  const anonymous = await browser.newContext();
  const stranger = await browser.newContext();
  await signInAs(stranger, db, organiserAddress("stranger"));
  for (const suffix of LETTER_PAGES) {
    const path = `/organise/letters/${letter.id}${suffix}`;
    const visitor = await anonymous.request.get(path, { maxRedirects: 0 });
    expect(visitor.status(), `${path} signed out`).toBe(307);
    expect(visitor.headers().location, `${path} signed out`).toContain(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    const strangerResponse = await stranger.request.get(path);
    expect(strangerResponse.status(), `${path} as a stranger`).toBe(404);
    expect(await strangerResponse.text()).not.toContain(letter.title);
  }
  const review = await stranger.request.get("/organise/review");
  expect(review.status(), "the admins' review queue, as a non-admin").toBe(404);
});

test("an editor invited by email joins through the link, can edit, but cannot publish, delete or hand the letter on", async ({ browser, db }) => {
  test.setTimeout(60_000);
  const letter = await createLetter(db, { status: "DRAFT" });
  const ownerContext = await browser.newContext();
  const { userId } = await signInAs(ownerContext, db, organiserAddress("owner"));
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });

  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto(`/organise/letters/${letter.id}/team`);
  const colleague = organiserAddress("colleague");
  await ownerPage.getByLabel("Their email address").fill(colleague);
  await ownerPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(ownerPage.getByRole("status")).toHaveText("Invitation sent.");
  await expect(ownerPage.getByText(`${colleague} · until`)).toBeVisible();

  const invitation = await waitForEmailTo(colleague);
  // The letter is discreet (the default): the invitation, often to a work address, names it nowhere.
  expect(`${invitation.subject}\n${invitation.text}`).not.toContain(letter.title);
  const link = invitation.text.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)?.[0];
  expect(link).toMatch(/^https?:\/\/\S+\/sign-in\/verify\?\S+$/);

  const editorPage = await (await browser.newContext()).newPage();
  await editorPage.goto(link!);
  await editorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(editorPage).toHaveURL(new RegExp(`/organise/letters/${letter.id}$`));
  await expect(editorPage.getByText("· editor")).toBeVisible();

  await editorPage.getByLabel("Addressed to").fill("The new board");
  await editorPage.getByRole("button", { name: "Save draft" }).click();
  await expect(editorPage.getByRole("status")).toHaveText("Draft saved.");
  await expect(editorPage.getByText("Only the letter's owner can publish it.")).toBeVisible();
  await expect(editorPage.getByRole("button", { name: "Publish letter" })).toHaveCount(0);

  await editorPage.goto(`/organise/letters/${letter.id}/team`);
  await expect(editorPage.getByRole("cell", { name: `${colleague} (you)` })).toBeVisible();
  await expect(editorPage.getByRole("button", { name: "Delete for good" })).toHaveCount(0);
  await expect(editorPage.getByRole("button", { name: /the owner$/ })).toHaveCount(0);
  expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { addressee: true } })).toEqual({ addressee: "The new board" });
});

test("a session ends when it expires, and when its organiser signs out", async ({ browser, db }) => {
  const context = await browser.newContext();
  const email = organiserAddress("leaving");
  const { userId } = await signInAs(context, db, email);
  const page = await context.newPage();
  await page.goto("/organise");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await db.session.count({ where: { userId } })).toBe(0);
  await page.goto("/organise");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  const expired = await browser.newContext();
  await signInAs(expired, db, email);
  await db.session.updateMany({ where: { userId }, data: { expires: new Date(Date.now() - 1000) } });
  const response = await expired.request.get("/organise", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/sign-in");
});
