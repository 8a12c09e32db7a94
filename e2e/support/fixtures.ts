import { test as base } from "@playwright/test";
import { createPrismaClient, type TDb } from "@/lib/db/prisma";

/**
 * Playwright's `test`, plus `db`: the same throwaway database the app under test is serving.
 * Its `page` fails the test when the browser refuses anything under the Content-Security-Policy,
 * so every spec also shows that the policy lets our own pages work (their scripts carry the
 * response's nonce; see lib/pipeline/script-nonces.ts).
 */
export const test = base.extend<object, { db: TDb }>({
  page: async ({ page }, provide) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
    });
    await provide(page);
    if (refused.length > 0) throw new Error(`The page's own content broke its Content-Security-Policy:\n${refused.join("\n")}`);
  },
  db: [
    async ({}, use) => {
      const url = process.env.E2E_DATABASE_URL;
      if (!url) throw new Error("E2E_DATABASE_URL is set by playwright.config.ts");
      const db = createPrismaClient(url, { poolSize: 2 });
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
