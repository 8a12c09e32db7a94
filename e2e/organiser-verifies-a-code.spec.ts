import type { Browser } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";
import { generateOrganiserCode } from "@/lib/signatures/organiser-code";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";
import { organiserAddress, signInAs } from "./support/organiser-session";

// A signer whose employer reads every work email cannot safely receive even a discreet
// verification link. Instead they claim a domain, get a code on screen and show it to the
// organisers with proof of employment; the organisers verify the code. The code must work once,
// for this letter's organisers only, never rest in the database in plain, and the public must be
// able to tell these signatures from email-verified ones.

const INSTRUCTIONS = "Send a photo of your staff badge with this code to our Signal number +1 555 0100.";

async function organiserPage(browser: Browser, db: TDb, letterId: string, role: "OWNER" | "EDITOR") {
  const context = await browser.newContext();
  const { userId } = await signInAs(context, db, organiserAddress("verifier"));
  await db.letterOrganiser.create({ data: { letterId, userId, role } });
  return { context, page: await context.newPage() };
}

test("a signer gets a code without any email, an organiser verifies it, and the counts move by one", async ({ page, browser, db, request }) => {
  test.setTimeout(90_000); // two browsers, two folds, a dozen page loads
  const letter = await createLetter(db, { title: "Badges, not inboxes", domains: ["microsoft.com", "github.com"] });
  await db.letter.update({ where: { id: letter.id }, data: { organiserVerification: true, organiserVerificationInstructions: INSTRUCTIONS } });
  await addConfirmedSignatures(db, letter.id, [
    { name: "Email Emma", domain: "microsoft.com" },
    { name: "Email Eli", domain: "github.com" },
  ]);
  await waitForFoldedTotal(request, letter.slug, 2);
  const emailsBefore = await db.outboxEmail.count();

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("verification-split")).toHaveText("2 verified by work email, 0 verified by organisers");
  await page.getByRole("link", { name: "be verified by the organisers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign without an email at work");
  await expect(page.getByText("The organisers will learn who you are.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveCount(0);
  await page.getByLabel("Full name").fill("Quiet Quinn");
  await page.getByLabel("Your employer’s domain").selectOption("github.com");
  await page.getByLabel(/Sign anonymously/).check();
  await page.getByRole("button", { name: "Get my verification code" }).click();

  const shown = page.getByTestId("organiser-code");
  await expect(shown).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(page.getByTestId("organiser-instructions")).toHaveText(INSTRUCTIONS);
  await expect(page.getByRole("region", { name: "Your private receipt" })).toBeVisible();
  const code = (await shown.textContent()) ?? "";
  // Nothing was emailed, and the code is nowhere in the database in plain.
  expect(await db.outboxEmail.count()).toBe(emailsBefore);
  const atRest = JSON.stringify(
    await db.$queryRaw`SELECT (SELECT json_agg(s) FROM "Signature" s)::text AS s, (SELECT json_agg(t) FROM "SignatureToken" t)::text AS t`,
  );
  for (const form of [code, code.replaceAll("-", ""), code.toLowerCase()]) expect(atRest).not.toContain(form);

  const { context, page: organiser } = await organiserPage(browser, db, letter.id, "EDITOR");
  await organiser.goto(`/organise/letters/${letter.id}/verify`);
  await expect(organiser.getByRole("heading", { name: "Verify a code" })).toBeVisible();
  const codeField = organiser.getByLabel("The signer’s code");
  const lookUp = organiser.getByRole("button", { name: "Look up the claim" });

  // A wrong code (well-formed, unknown) and a typo reveal nothing.
  await codeField.fill(generateOrganiserCode());
  await lookUp.click();
  await expect(organiser.getByRole("alert").filter({ hasText: "No claim on this letter matches this code." })).toBeVisible();
  const typo = code.slice(0, 2) + (code[2] === "7" ? "8" : "7") + code.slice(3);
  await codeField.fill(typo);
  await lookUp.click();
  await expect(organiser.getByRole("alert").filter({ hasText: "typo" })).toBeVisible();

  await codeField.fill(code.toLowerCase().replaceAll("-", " "));
  await lookUp.click();
  const claim = organiser.getByTestId("organiser-claim");
  await expect(claim).toContainText("Quiet Quinn");
  await expect(claim).toContainText("appears publicly as “Anonymous”");
  await expect(claim).toContainText("@github.com");
  await expect(claim).toContainText("your check is the only duplicate control for this path");
  await expect(claim).toContainText("None yet.");
  await claim.getByRole("button", { name: "Verify: this person works there" }).click();
  await expect(claim.getByRole("status")).toContainText("Verified");

  // The code is spent: a second look finds it used.
  await codeField.fill(code);
  await lookUp.click();
  await expect(organiser.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await context.close();

  await waitForFoldedTotal(request, letter.slug, 3);
  await expect
    .poll(async () => {
      await page.goto(`/letters/${letter.slug}`);
      return page.getByTestId("verification-split").textContent();
    })
    .toBe("2 verified by work email, 1 verified by organisers");
  await expect(page.getByTestId("verified-total")).toHaveText("3");
  // github.com has one signer: too few to name beside an anonymous one (MIN_PUBLIC_GROUP, 5).
  await expect(page.locator(".signers .signer").first()).toHaveText("Anonymous · verified by organisers");
  await expect(page.locator("body")).not.toContainText("Quiet Quinn");

  const detail = (await (await request.get(`/api/v1/letters/${letter.slug}`)).json()) as { byVerification: unknown };
  expect(detail.byVerification).toEqual({ email: 2, organiser: 1 });
  const list = (await (await request.get(`/api/v1/letters/${letter.slug}/signatures`)).json()) as {
    signatures: { name: string | null; verification: string }[];
  };
  expect(list.signatures.map((signature) => [signature.name, signature.verification])).toEqual([
    [null, "organiser"],
    ["Email Eli", "email"],
    ["Email Emma", "email"],
  ]);
});

test("an editor of another letter cannot verify this letter's code", async ({ page, browser, db }) => {
  test.setTimeout(60_000); // a signer's browser and an organiser's
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  const other = await createLetter(db, { domains: ["microsoft.com"] });
  for (const id of [letter.id, other.id])
    await db.letter.update({ where: { id }, data: { organiserVerification: true, organiserVerificationInstructions: INSTRUCTIONS } });

  await page.goto(`/letters/${letter.slug}/sign-with-organisers`);
  await page.getByLabel("Full name").fill("Nina Named");
  await page.getByRole("button", { name: "Get my verification code" }).click();
  const code = (await page.getByTestId("organiser-code").textContent()) ?? "";
  expect(code).toMatch(/^[0-9A-Z]{5}-/);

  const { context, page: outsider } = await organiserPage(browser, db, other.id, "EDITOR");
  const response = await outsider.goto(`/organise/letters/${letter.id}/verify`);
  expect(response?.status()).toBe(404);
  await outsider.goto(`/organise/letters/${other.id}/verify`);
  await outsider.getByLabel("The signer’s code").fill(code);
  await outsider.getByRole("button", { name: "Look up the claim" }).click();
  await expect(outsider.getByRole("alert").filter({ hasText: "No claim on this letter matches this code." })).toBeVisible();
  await expect(outsider.locator("body")).not.toContainText("Nina Named");
  await context.close();
  expect(await db.signature.findFirstOrThrow({ where: { letterId: letter.id, displayName: "Nina Named" } })).toMatchObject({ state: "PENDING" });
});

test("an organiser offers the path in the draft editor, with their own instructions", async ({ browser, db }) => {
  test.setTimeout(60_000); // the draft editor is the heaviest page to hydrate
  const letter = await createLetter(db, { status: "DRAFT", publishedAt: null });
  const { context, page } = await organiserPage(browser, db, letter.id, "OWNER");
  await page.goto(`/organise/letters/${letter.id}`);
  const option = page.getByLabel(/Let signers be verified by the organisers/);
  await expect(option).not.toBeChecked();
  await option.check();
  await page.getByLabel("How signers reach you with their code").fill(INSTRUCTIONS);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await context.close();
  expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
    organiserVerification: true,
    organiserVerificationInstructions: INSTRUCTIONS,
  });
});
