import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { htmlErrors } from "./support/html-validity";
import { waitForEmailTo, type TCapturedEmail } from "./support/mailbox";
import { organiserAddress } from "./support/organiser-session";

// What reaches a mailbox, read from the real SMTP capture: each message says it is automatic
// (RFC 3834), so an out-of-office reply does not answer it; its HTML part is a titled,
// conforming document; and whoever reads the HTML part gets every link the text part has (the
// withdraw link, say, is not left as text to copy).

const urlsInText = (text: string) => [...text.matchAll(/https?:\/\/[^\s<>"]+?(?=[.,;:!?)]*(?:\s|$))/g)].map((match) => match[0]);
const decode = (value: string) => value.replaceAll("&#38;", "&").replaceAll("&amp;", "&");
const linksInHtml = (html: string) => [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((match) => decode(match[1]!));

async function expectWellFormedEmail(email: TCapturedEmail) {
  expect(email.headers["auto-submitted"]).toBe("auto-generated");
  expect(email.headers["x-auto-response-suppress"]).toBe("OOF, AutoReply");
  expect(email.html).toMatch(/<title>[^<]+<\/title>/);
  expect(await htmlErrors(email.html)).toEqual([]);
  const inText = urlsInText(email.text);
  expect(inText.length).toBeGreaterThan(0);
  const inHtml = new Set(linksInHtml(email.html));
  for (const url of inText) expect([...inHtml], url).toContain(url);
}

test("a signer's confirmation email: automatic, titled, and every link of its text a link in its HTML", async ({ request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `parts-${randomBytes(4).toString("hex")}@example.com`;
  expect((await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Mail Reader", email, anonymous: false } })).status()).toBe(202);
  const message = await waitForEmailTo(email);
  // Both the confirm link and the withdraw link it carries.
  expect(urlsInText(message.text).map((url) => new URL(url).pathname.split("/")[1])).toEqual(expect.arrayContaining(["confirm", "withdraw"]));
  await expectWellFormedEmail(message);
});

test("an organiser's sign-in email: automatic, titled, and every link of its text a link in its HTML", async ({ page }) => {
  test.setTimeout(60_000);
  const email = organiserAddress("parts");
  await page.goto("/sign-in");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expectWellFormedEmail(await waitForEmailTo(email));
});
