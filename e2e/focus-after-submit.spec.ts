import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, linkIn, waitForEmailTo } from "./support/mailbox";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Pressing a form's button disables it, or its answer replaces the form; either way the focus
// used to fall to <body>: a screen reader announced nothing useful and a keyboard user started
// again from the top of the page. After every submission, focus is on the answer.

/** What has focus: its role and text, or "body" when nothing does. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    return `${element.getAttribute("role") ?? element.tagName.toLowerCase()}: ${element.textContent?.replace(/\s+/g, " ").trim()}`;
  });
}

test("the sign form: focus goes to its errors, then to the answer; the email's hint describes its field", async ({ page, db }) => {
  test.setTimeout(90_000); // several pages and submissions
  const letter = await createLetter(db, { domains: ["example.com"] });
  await page.goto(`/letters/${letter.slug}`);
  const email = page.getByLabel("Work email");
  await expect(email).toHaveAccessibleDescription(/We only use it to confirm your signature/);

  await page.getByRole("button", { name: "Sign this letter" }).click();
  await expect.poll(() => focused(page)).toMatch(/^alert: /);
  // The error joins the hint, which stays.
  await expect(email).toHaveAccessibleDescription(/We only use it to confirm your signature.*\S/);
  expect(await email.getAttribute("aria-describedby")).toBe("sign-email-hint sign-email-error");

  await page.getByLabel("Full name").fill("Focus Tester");
  await email.fill(`focus-${randomBytes(4).toString("hex")}@example.com`);
  await page.getByRole("button", { name: "Sign this letter" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: Check your inbox/);
});

test("the confirm and withdraw pages: focus goes to the answer", async ({ page, request, db }) => {
  test.setTimeout(90_000); // several pages and submissions
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `focus-${randomBytes(4).toString("hex")}@example.com`;
  expect((await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Focus Tester", email, anonymous: false } })).status()).toBe(202);
  const message = await waitForEmailTo(email);

  await page.goto(confirmLinkIn(message));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: Your signature is confirmed/);

  await page.goto(linkIn(message, "withdraw"));
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: Your signature is withdrawn/);
});

test("the sign-in form: the hint describes the field, and focus goes to the answer", async ({ page }) => {
  await page.goto("/sign-in");
  const email = page.getByLabel("Your email address");
  await expect(email).toHaveAccessibleDescription(/Consider a personal address/);
  await email.fill(organiserAddress("focus"));
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: Check your inbox/);
});

test("organiser forms: focus goes to the outcome, error or success", async ({ page, db }) => {
  test.setTimeout(90_000); // several pages and submissions
  const { userId } = await signInAs(page.context(), db, organiserAddress("focus"));
  const draft = await createLetter(db, { status: "DRAFT" });
  const open = await createLetter(db, { status: "OPEN" });
  await addConfirmedSignatures(db, open.id, [{ name: "Named Signer" }]);
  await db.letterOrganiser.createMany({ data: [draft, open].map((letter) => ({ letterId: letter.id, userId, role: "OWNER" as const })) });

  // ActionForm, refused: deleting needs the letter's address typed out.
  await page.goto(`/organise/letters/${draft.id}/team`);
  await page.getByLabel("Letter address").fill("not-this-letter");
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect.poll(() => focused(page)).toMatch(/^alert: /);

  // The letter editor.
  await page.goto(`/organise/letters/${draft.id}`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: /);

  // ActionForm, accepted.
  await page.goto(`/organise/letters/${open.id}/status`);
  await page.getByLabel("Text").fill("Handed to the board.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: /);

  // OrganiserActionForm, in the moderation table.
  await page.goto(`/organise/letters/${open.id}/signatures`);
  await page.getByRole("button", { name: "Hide name" }).click();
  await expect.poll(() => focused(page)).toMatch(/^status: /);
});
