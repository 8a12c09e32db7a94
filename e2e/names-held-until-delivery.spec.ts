import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Names held until delivery (issue 13 §2): the organiser chooses it in the draft editor; until
// the "Delivered" update, the public page, its signatures page and the API name nobody; the
// update publishes the names of those who chose to show theirs, on the next view.

test("an organiser holds names until delivery; the Delivered update publishes them", async ({ browser, db, page, request }) => {
  test.setTimeout(60_000); // the draft editor is the heaviest page to hydrate
  const letter = await createLetter(db, { status: "DRAFT", publishedAt: null });
  const context = await browser.newContext();
  const { userId } = await signInAs(context, db, organiserAddress("holder"));
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });
  const organiser = await context.newPage();

  await organiser.goto(`/organise/letters/${letter.id}`);
  const hold = organiser.getByLabel(/Hold every name until the letter is delivered/);
  await expect(hold).not.toBeChecked();
  await hold.check();
  await organiser.getByRole("button", { name: "Save draft" }).click();
  await expect(organiser.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await expect(hold).toBeChecked();
  await organiser.getByRole("button", { name: "Publish letter" }).click();
  await expect(organiser.getByText("Open for signatures")).toBeVisible();

  await addConfirmedSignatures(db, letter.id, [{ name: "Ada Lovelace", domain: "example.com", comment: "Long overdue." }]);
  // The page is cached for 5 s, and may have been rendered since publishing revalidated it, before
  // this signature existed (a CI run saw exactly that): it shows within the cache time.
  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    await expect(page.getByText("Long overdue.")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [200] });
  await expect(page.getByTestId("held-names")).toHaveText(/Names will be published when the letter is delivered/);
  await expect(page.locator("main")).not.toContainText("Ada Lovelace");
  await expect(page.getByLabel(/Show my name/)).toBeVisible();
  await expect(page.getByText(/once the letter is delivered/).first()).toBeVisible();
  const held = await request.get(`/api/v1/letters/${letter.slug}`);
  expect(await held.json()).toMatchObject({ namesHeldUntilDelivery: true });
  expect(await (await request.get(`/api/v1/letters/${letter.slug}/signatures`)).text()).not.toContain("Ada Lovelace");

  await organiser.goto(`/organise/letters/${letter.id}/status`);
  await organiser.getByLabel("Kind").selectOption("DELIVERED");
  await organiser.getByLabel("Text").fill("Handed to the CEO this morning.");
  await organiser.getByRole("button", { name: "Post update" }).click();
  await expect(organiser.getByRole("status")).toHaveText("Update posted.");

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
  await expect(page.getByTestId("held-names")).toHaveCount(0);
  expect(await (await request.get(`/api/v1/letters/${letter.slug}`)).json()).toMatchObject({ namesHeldUntilDelivery: false });
  expect(await (await request.get(`/api/v1/letters/${letter.slug}/signatures`)).text()).toContain("Ada Lovelace");
  await context.close();
});
