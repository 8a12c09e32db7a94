import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { waitForEmailTo, type TCapturedEmail } from "./support/mailbox";
import { organiserAddress } from "./support/organiser-session";

// Maya organises her colleagues. She signs in with a link from her inbox (which her employer's
// link scanner opens first), writes the letter, publishes it, reports that it was delivered and
// that a demand was met, and finally closes it. Visitors see each step on the public page.

function signInLinkIn(email: TCapturedEmail): string {
  const link = email.text.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)?.[0];
  if (!link) throw new Error(`No sign-in link in: ${email.text}`);
  return link;
}

test("an organiser signs in, writes, publishes, updates and closes a letter", async ({ page, request }) => {
  test.setTimeout(90_000);
  const maya = organiserAddress("maya");
  await page.goto("/organise");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forganise/);
  await page.getByLabel("Your email address").fill(maya);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("We have sent a sign-in link");

  const link = signInLinkIn(await waitForEmailTo(maya));
  // The corporate scanner opens the link first, twice. That must not spend the token.
  for (let visit = 0; visit < 2; visit += 1) {
    const scanned = await request.get(link);
    expect(scanned.status()).toBe(200);
  }
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Undersigned");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/organise$/);
  await expect(page.getByText(`Signed in as ${maya}`)).toBeVisible();
  // Scripts cannot read the session, and other sites' requests do not carry it. (Served over
  // http here, so not Secure; over https it is: e2e/https-cookies.spec.ts.)
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

  // The same link cannot be used again.
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This sign-in link has expired or has already been used")).toBeVisible();
  await page.goto("/organise");

  await page.getByLabel("Title").fill("Stop selling to ICE");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop selling to ICE");

  const slug = `stop-selling-${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Address", { exact: true }).fill(slug);
  await page.getByLabel("Addressed to").fill("the Senior Leadership Team");
  await page.getByLabel("Letter (Markdown)").fill("We, the undersigned, **refuse** to be complicit.");
  await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("refuse");
  await page.getByRole("button", { name: "Add a demand" }).click();
  await page.getByLabel("Demand 1", { exact: true }).fill("Cancel the contract with ICE.");
  await page.getByRole("button", { name: "Add a demand" }).click();
  await page.getByLabel("Demand 2", { exact: true }).fill("Adopt a human-rights policy for clients.");
  await page.getByRole("button", { name: "Move demand 2 up" }).click();
  await expect(page.getByLabel("Demand 1", { exact: true })).toHaveValue("Adopt a human-rights policy for clients.");
  await page.getByRole("button", { name: "Add a domain" }).click();
  await page.getByLabel("Domain 1", { exact: true }).fill("@Microsoft.com");
  await page.getByLabel("Signature goal (optional)").fill("1000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft saved.");

  await page.getByRole("button", { name: "Publish letter" }).click();
  await expect(page.getByText("Open for signatures")).toBeVisible();
  await expect(page.getByRole("link", { name: `/letters/${slug}` })).toBeVisible();

  await page.getByRole("link", { name: "Status" }).click();
  await page.getByLabel("Kind").selectOption("DELIVERED");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("status")).toHaveText("Update posted.");
  await page.getByLabel("Status of demand 2").selectOption("MET");
  await page.getByRole("button", { name: "Save status of demand 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Demand status saved." })).toBeVisible();

  // The public page is cached for a few seconds: visitors see the change on a later visit.
  const timeline = page.locator(".timeline");
  await expect(async () => {
    await page.goto(`/letters/${slug}`);
    await expect(page.locator(".demand").nth(1)).toContainText("Met", { timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [500] });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop selling to ICE");
  await expect(page.locator(".demand").nth(0)).toContainText("Adopt a human-rights policy for clients.");
  await expect(timeline.locator(".timeline-item").first()).toContainText("Demand 2 was met");
  await expect(timeline).toContainText("The letter was delivered to the Senior Leadership Team.");

  await page.goto("/organise");
  await page.getByRole("link", { name: "Stop selling to ICE" }).click();
  // Closing is final: one click is not enough, the owner confirms it first.
  const confirmClose = page.getByRole("checkbox", { name: /Yes, close it for good/ });
  await page.getByRole("button", { name: "Close to signatures" }).click();
  expect(await confirmClose.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await expect(page.locator(".badge")).toHaveText("Open for signatures");
  await confirmClose.check();
  await page.getByRole("button", { name: "Close to signatures" }).click();
  await expect(page.locator(".badge")).toHaveText("Closed");

  await expect(async () => {
    await page.goto(`/letters/${slug}`);
    await expect(page.getByText("Closed", { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [500] });
  await expect(page.getByRole("button", { name: "Sign this letter" })).toHaveCount(0);
  const refused = await request.post(`/api/v1/letters/${slug}/signatures`, { data: { name: "Late", email: "late@microsoft.com", anonymous: false } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("LETTER_NOT_OPEN");
});
