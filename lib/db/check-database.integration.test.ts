import { describe, expect, it } from "vitest";
import { isDatabaseReachable } from "./check-database";
import { createPrismaClient } from "./prisma";
import { connectTestDb } from "@/tests/support/db";

const db = connectTestDb();

describe("isDatabaseReachable", () => {
  it("is true for a live database", async () => {
    expect(await isDatabaseReachable(db)).toBe(true);
  });

  it("is false, promptly, when nothing listens at the database's address", async () => {
    const nowhere = createPrismaClient("postgresql://nobody@127.0.0.1:9/nothing", { poolSize: 1 });
    try {
      expect(await isDatabaseReachable(nowhere, 2_000)).toBe(false);
    } finally {
      await nowhere.$disconnect();
    }
  });
});
