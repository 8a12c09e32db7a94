import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/security/tokens";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { parseSignerEmail } from "@/lib/signatures/parse-signer-email";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, linkIn, waitForEmailTo } from "./support/mailbox";

// Attack and accident: corporate mail scanners (Defender Safe Links and the like) open every
// link in an employee's inbox before the employee does. If opening a link confirmed or used up
// a token, the scanner would sign (or withdraw) on the employee's behalf. Links that are reused,
// expired or forged must fail with a page that says so, not with an error.

async function signViaApi(request: import("@playwright/test").APIRequestContext, slug: string, email: string) {
  const response = await request.post(`/api/v1/letters/${slug}/signatures`, { data: { name: "Lee Link", email, anonymous: false } });
  expect(response.status()).toBe(202);
  return waitForEmailTo(email);
}

test("opening a confirmation link, as a scanner does, leaves the signature pending and the link usable", async ({ page, request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `scanner-${randomBytes(4).toString("hex")}@example.com`;
  const link = confirmLinkIn(await signViaApi(request, letter.slug, email));

  for (let i = 0; i < 3; i++) expect((await request.get(link)).status()).toBe(200);
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).state).toBe("PENDING");

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).state).toBe("CONFIRMED");

  // Used again: harmless, and it says so (without saying more than the link knows).
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
});

test("the withdraw link in the email takes a confirmed signature back out of the count", async ({ page, request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `withdraw-${randomBytes(4).toString("hex")}@example.com`;
  const message = await signViaApi(request, letter.slug, email);
  await page.goto(confirmLinkIn(message));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");

  await page.goto(linkIn(message, "withdraw"));
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is withdrawn");
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).state).toBe("WITHDRAWN");
});

test("expired and forged links fail with a clear page", async ({ page, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const signature = await db.signature.create({
    data: { letterId: letter.id, emailKey: randomBytes(16).toString("hex"), domain: "example.com", displayName: "Old Link" },
  });
  const expired = await issueSignatureToken(db, signature.id, "CONFIRM", new Date(Date.now() - 49 * 60 * 60 * 1000));

  await page.goto(`/confirm/${expired}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  await expect(page.getByText("Confirmation links work for 48 hours")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);

  const oneOff = `${expired.slice(0, -1)}${expired.endsWith("A") ? "B" : "A"}`;
  for (const forged of [oneOff, "not-a-token", "A".repeat(43)]) {
    await page.goto(`/confirm/${forged}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  }
  expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("PENDING");
});

// Attack: the employer reads its staff's mailboxes and can submit any address. The email a
// submission triggers, and the pages its links open, must look the same whether or not the
// address had signed; pressing the button may then differ (see SECURITY.md), but must never let
// the submitter change how a confirmed signer appears.
test("a probe's email and the pages its links open look the same for an address that signed and one that did not", async ({ page, request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const suffix = randomBytes(4).toString("hex");
  const signed = `signed-${suffix}@example.com`;
  const fresh = `fresh-${suffix}@example.com`;
  const parsed = parseSignerEmail(signed);
  if (!parsed.ok) throw new Error("test address does not parse");
  const real = await db.signature.create({
    data: {
      letterId: letter.id,
      emailKey: keyedHash(parsed.value.dedupeForm, process.env.EMAIL_HMAC_KEY ?? "e2e-email-key-e2e-email-key-e2e-email-key"),
      domain: "example.com",
      displayName: "Real Signer",
      showName: false,
      state: "CONFIRMED",
      confirmedAt: new Date(),
    },
  });

  const probe = { name: "Probe Name", anonymous: false };
  for (const email of [signed, fresh]) {
    expect((await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { ...probe, email } })).status()).toBe(202);
  }
  const mails = [await waitForEmailTo(signed), await waitForEmailTo(fresh)];
  const mask = (text: string, address: string) => text.replaceAll(address, "<to>").replace(/\/(confirm|withdraw)\/[A-Za-z0-9_-]{43}/g, "/$1/<token>");
  expect(mask(mails[0]!.text, signed)).toBe(mask(mails[1]!.text, fresh));
  expect(mails[0]!.subject).toBe(mails[1]!.subject);

  const pageText = async (path: string) => {
    await page.goto(path);
    return (await page.locator("main").innerText()).trim();
  };
  for (const kind of ["confirm", "withdraw"] as const) {
    const [ofSigned, ofFresh] = [await pageText(linkIn(mails[0]!, kind)), await pageText(linkIn(mails[1]!, kind))];
    expect(ofSigned, kind).toBe(ofFresh);
    expect(ofSigned).not.toContain("Real Signer");
  }

  await page.goto(confirmLinkIn(mails[0]!));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Nothing changed");
  expect(await db.signature.findUniqueOrThrow({ where: { id: real.id } })).toMatchObject({ state: "CONFIRMED", displayName: "Real Signer", showName: false });
});
