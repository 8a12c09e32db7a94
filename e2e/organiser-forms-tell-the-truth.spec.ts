import type { Browser, Page } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Organisers keep a letter's public story true, often two or three of them at once. After a
// save, each form shows what was saved (not what the page showed when it was opened); when a
// co-organiser saved first, the later save is refused with what changed, and nothing typed is
// lost; and the public page shows an organiser's change on the very next view.

async function organiserPage(browser: Browser, db: TDb, letterId: string, label: string): Promise<Page> {
  const context = await browser.newContext();
  const email = organiserAddress(label);
  const { userId } = await signInAs(context, db, email);
  await db.letterOrganiser.create({ data: { letterId, userId, role: "OWNER" } });
  return context.newPage();
}

test("after Save draft, the signing options and domains show what was saved", async ({ browser, db }) => {
  const letter = await createLetter(db, { status: "DRAFT", domains: [] });
  const page = await organiserPage(browser, db, letter.id, "saver");
  await page.goto(`/organise/letters/${letter.id}`);
  const comments = page.getByLabel("Let signers add a comment");
  const jobTitle = page.getByLabel("Ask signers for their job title");
  await expect(comments).toBeChecked();
  await comments.uncheck();
  await jobTitle.check();
  await page.getByRole("button", { name: "Add a domain" }).click();
  await page.getByLabel("Domain 1", { exact: true }).fill("@Example.COM");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft saved.");
  await expect(comments).not.toBeChecked();
  await expect(jobTitle).toBeChecked();
  // As the server stored it.
  await expect(page.getByLabel("Domain 1", { exact: true })).toHaveValue("example.com");
  expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { allowComments: true, collectJobTitle: true } })).toEqual({
    allowComments: false,
    collectJobTitle: true,
  });
  await page.context().close();
});

test("after saving a demand's status, its select shows the saved status and the public page shows it at once", async ({ browser, db }) => {
  const letter = await createLetter(db, { demands: [{ text: "Cancel the contract." }, { text: "Publish the policy." }] });
  const page = await organiserPage(browser, db, letter.id, "status");
  // Rendered (and cached) before the change.
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByRole("region", { name: "Demands" })).not.toContainText("Met");

  await page.goto(`/organise/letters/${letter.id}/status`);
  // Each demand's own form and answer: a status left by another form must not pass for this one's.
  const demand = (n: number) => page.getByRole("listitem").filter({ has: page.getByLabel(`Status of demand ${n}`) });
  const statusOf = async (n: number) =>
    (await db.demand.findMany({ where: { letterId: letter.id }, orderBy: { position: "asc" }, select: { status: true } }))[n - 1]?.status;
  const save = async (n: number, status: string) => {
    await demand(n).getByLabel(`Status of demand ${n}`).selectOption(status);
    const button = demand(n).getByRole("button", { name: /status of demand|Working/ });
    await button.click();
    // A second save of the same form finds the first one's answer still shown: wait for the save
    // itself, then for the form to be done with it (the page refreshes in the same response).
    await expect.poll(() => statusOf(n)).toBe(status);
    await expect(button).toHaveText(`Save status of demand ${n}`);
    await expect(demand(n).getByRole("status")).toHaveText("Demand status saved.");
    await expect(demand(n).getByLabel(`Status of demand ${n}`)).toHaveValue(status);
  };
  await save(1, "MET");
  await save(1, "PARTLY_MET");
  // Saving the other demand next works: the page's version followed the first saves.
  await save(2, "REFUSED");

  expect([await statusOf(1), await statusOf(2)]).toEqual(["PARTLY_MET", "REFUSED"]);

  // The next view of the public page, once: no waiting for the cache to expire.
  await page.goto(`/letters/${letter.slug}`);
  const demands = page.getByRole("region", { name: "Demands" });
  await expect(demands).toContainText("Partly met", { timeout: 1_000 });
  await expect(demands).toContainText("Refused", { timeout: 1_000 });
  await page.context().close();
});

test("two co-organisers edit the draft at once: the later save is refused, says what changed, and keeps what was typed", async ({ browser, db }) => {
  const letter = await createLetter(db, { status: "DRAFT", title: "Original title", demands: [{ text: "The first demand." }] });
  const first = await organiserPage(browser, db, letter.id, "first");
  const second = await organiserPage(browser, db, letter.id, "second");
  await first.goto(`/organise/letters/${letter.id}`);
  await second.goto(`/organise/letters/${letter.id}`);

  await first.getByLabel("Title", { exact: true }).fill("Title by the first organiser");
  await first.getByRole("button", { name: "Add a demand" }).click();
  await first.getByLabel("Demand 2", { exact: true }).fill("A demand the first organiser added.");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByRole("status")).toHaveText("Draft saved.");

  const body = "Dear leadership, this is the second organiser's text.";
  await second.getByLabel("Letter (Markdown)").fill(body);
  await second.getByLabel("Let signers add a comment").uncheck();
  await second.getByRole("button", { name: "Save draft" }).click();
  const alert = second.locator(".form-error");
  await expect(alert).toContainText("This letter changed since you opened it");
  await expect(alert).toContainText("Title: now “Title by the first organiser”");
  await expect(alert).toContainText("Demands: added “A demand the first organiser added.”");
  await expect(second.getByLabel("Letter (Markdown)")).toHaveValue(body);
  await expect(second.getByLabel("Let signers add a comment")).not.toBeChecked();
  const saved = await db.letter.findUniqueOrThrow({ where: { id: letter.id }, include: { demands: { orderBy: { position: "asc" } } } });
  expect(saved.title).toBe("Title by the first organiser");
  expect(saved.demands.map((demand) => demand.text)).toEqual(["The first demand.", "A demand the first organiser added."]);
  expect(saved.allowComments).toBe(true);

  // Pressed again, knowingly: saved as the second organiser sees it.
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(second.getByRole("status")).toHaveText("Draft saved.");
  expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { bodyMarkdown: true, allowComments: true } })).toEqual({
    bodyMarkdown: body,
    allowComments: false,
  });
  await first.context().close();
  await second.context().close();
});

test("two co-organisers report on the same demand: the stale one is refused with what changed", async ({ browser, db }) => {
  const letter = await createLetter(db, { demands: [{ text: "Cancel the contract." }] });
  const first = await organiserPage(browser, db, letter.id, "first");
  const second = await organiserPage(browser, db, letter.id, "second");
  await first.goto(`/organise/letters/${letter.id}/status`);
  await second.goto(`/organise/letters/${letter.id}/status`);

  await first.getByLabel("Status of demand 1").selectOption("MET");
  await first.getByRole("button", { name: "Save status of demand 1" }).click();
  await expect(first.getByRole("status").filter({ hasText: "Demand status saved." })).toBeVisible();

  await second.getByLabel("Status of demand 1").selectOption("REFUSED");
  await second.getByLabel("Note for the timeline (optional)").fill("They said no at the all-hands.");
  await second.getByRole("button", { name: "Save status of demand 1" }).click();
  const alert = second.locator(".form-error");
  await expect(alert).toContainText("This letter changed since you opened it");
  await expect(alert).toContainText("marked demand 1 as met");
  await expect(second.getByLabel("Status of demand 1")).toHaveValue("REFUSED");
  await expect(second.getByLabel("Note for the timeline (optional)")).toHaveValue("They said no at the all-hands.");
  expect((await db.demand.findFirstOrThrow({ where: { letterId: letter.id } })).status).toBe("MET");

  await second.getByRole("button", { name: "Save status of demand 1" }).click();
  await expect(second.getByRole("status").filter({ hasText: "Demand status saved." })).toBeVisible();
  expect((await db.demand.findFirstOrThrow({ where: { letterId: letter.id } })).status).toBe("REFUSED");
  await first.context().close();
  await second.context().close();
});
