import { test as base } from "@playwright/test";
import { createPrismaClient, type Db } from "@/lib/db/prisma";

/** Playwright's `test`, plus `db`: the same throwaway database the app under test is serving. */
export const test = base.extend<object, { db: Db }>({
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
