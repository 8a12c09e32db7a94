import { randomBytes } from "node:crypto";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { createPrismaClient } from "@/lib/db/prisma";
import { expect, test } from "./support/fixtures";
import { startSideServer, waitForDevMailboxMessage } from "./support/side-server";

// A new user runs `PORT=3400 npm start` on a fresh clone: no APP_URL, no SMTP, the embedded
// database. Every address the app hands out (emailed confirm, withdraw and sign-in links, the
// share link, the API's urls, og:url) must lead to the port it serves on, and signing in must
// work there. This starts the production server as `npm start` does for that trial (local
// mode: the launcher marks the database as its own), on a port other than 3000.

const port = Number(process.env.E2E_PORT ?? 3100) + 98;
const base = `http://localhost:${port}`;

test.describe.configure({ mode: "serial" });

test("without APP_URL, a local run's links all lead to the port it serves on", async ({ page }) => {
  test.setTimeout(90_000);
  const server = await startSideServer(port, { UNDERSIGNED_EMBEDDED_DB: "true", PORT: String(port) });
  try {
    expect(server.output()).not.toContain("APP_URL is");

    const letterPage = `${base}/letters/${DEMO_LETTER_SLUG}`;
    await page.goto(letterPage);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", letterPage);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", letterPage);
    await expect(page.locator(".share-link a")).toHaveAttribute("href", letterPage);
    await expect(page.locator("#embed-code")).toContainText(`${letterPage}`);

    const api = (await (await fetch(`${base}/api/v1/letters/${DEMO_LETTER_SLUG}`)).json()) as { url: string };
    expect(api.url).toBe(letterPage);
    const list = (await (await fetch(`${base}/api/v1/letters`)).json()) as { letters: { url: string }[] };
    expect(list.letters.map((letter) => letter.url)).toContain(letterPage);
    const openapi = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { servers: { url: string }[] };
    // Relative, so it is right whatever address the document was fetched from.
    expect(openapi.servers[0]?.url).toBe("/api/v1");

    // Signing: the confirmation email's two links.
    const signer = `port-${randomBytes(4).toString("hex")}@microsoft.com`;
    await page.getByLabel("Full name").fill("Port Tester");
    await page.getByLabel("Work email").fill(signer);
    await page.getByRole("button", { name: "Sign this letter" }).click();
    await expect(page.getByRole("status")).toContainText("Check your inbox");
    const confirmation = await waitForDevMailboxMessage(server.mailboxDir, signer);
    const links = confirmation.text.match(/https?:\/\/\S+\/(confirm|withdraw)\/[A-Za-z0-9_-]+/g) ?? [];
    expect(links.map((link) => link.replace(/\/[A-Za-z0-9_-]+$/, ""))).toEqual([`${base}/confirm`, `${base}/withdraw`]);
    await page.goto(links[0]!);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
    await expect(page.getByRole("status")).toContainText(letterPage);

    // Signing in: the emailed link, its button, and Auth.js's redirect all stay on this port.
    const organiser = `organiser-${randomBytes(4).toString("hex")}@organisers.example`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Your email address").fill(organiser);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText("Check your inbox");
    const signIn = await waitForDevMailboxMessage(server.mailboxDir, organiser);
    const signInLink = signIn.text.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)?.[0];
    expect(signInLink?.startsWith(`${base}/sign-in/verify?`), signIn.text).toBe(true);
    await page.goto(signInLink!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/organise`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your letters");
  } finally {
    await server.stop();
  }
});

test("in production, an APP_URL the browser is not using is reported at start and on the sign-in page", async ({ page }) => {
  test.setTimeout(90_000);
  const server = await startSideServer(port, {
    APP_URL: "http://localhost:3000",
    SMTP_URL: "smtp://127.0.0.1:9",
    EMAIL_FROM: "Undersigned <letters@undersigned.test>",
    // Nothing must be sent, and nothing could be: the outbox is left alone.
    BACKGROUND_JOBS: "off",
  });
  try {
    expect(server.output()).toContain(`APP_URL is http://localhost:3000, but this server listens on port ${port}`);

    const organiser = `mismatch-${randomBytes(4).toString("hex")}@organisers.example`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Your email address").fill(organiser);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    // (Next's route announcer is an alert too, always there and empty.)
    const alert = page.getByRole("alert").filter({ hasText: "set up to be used" });
    await expect(alert).toContainText("set up to be used at http://localhost:3000");
    await expect(alert).toContainText(`you are using it at ${base}`);
    await expect(alert).toContainText("no link was sent");
    // The address is still there to submit again once the address is right.
    await expect(page.getByLabel("Your email address")).toHaveValue(organiser);

    const db = createPrismaClient(server.databaseUrl, { poolSize: 1 });
    try {
      expect(await db.outboxEmail.count({ where: { template: "organiser-sign-in" } })).toBe(0);
      expect(await db.verificationToken.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.stop();
  }
});
