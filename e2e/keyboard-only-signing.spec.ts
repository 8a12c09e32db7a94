import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, waitForEmailTo } from "./support/mailbox";

// Kim signs without a mouse: Tab, type, Enter. Every control on the way must be reachable in
// order, show where focus is, and say what went wrong when something does.

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, matches: (el: { id: string; text: string; tag: string; name: string }) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement & { name?: string };
      return { id: el.id, text: el.textContent?.trim() ?? "", tag: el.tagName, name: el.name ?? "" };
    });
    if (matches(focused)) return;
  }
  throw new Error("Tab never reached the wanted control");
}

/** The focused element draws a visible outline (the :focus-visible style). */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test("the whole signing path works with the keyboard alone, with visible focus and announced errors", async ({ page, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `keys-${randomBytes(4).toString("hex")}@example.com`;
  await page.goto(`/letters/${letter.slug}`);

  // The first Tab reaches the skip link, which jumps past the header.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expectVisibleFocus(page);

  await tabTo(page, (el) => el.id === "sign-name");
  await expectVisibleFocus(page);
  await page.keyboard.type("Kim Keys");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Work email")).toBeFocused();
  await page.keyboard.type("kim@gmail.com");

  // Submitting with Enter from a field; the refusal is announced and points at the field.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription(/example\.com/);

  await page.getByLabel("Work email").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(email);
  await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Sign this letter");
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();

  await page.goto(confirmLinkIn(await waitForEmailTo(email)));
  await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Confirm my signature");
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
  expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).state).toBe("CONFIRMED");
});
