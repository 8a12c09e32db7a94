import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_LETTER_SLUG, demoLetter } from "./demo-letter";
import { seedDemoLetter } from "./seed-demo-letter";
import { createLetter } from "@/tests/support/factories";
import { resetDatabase, connectTestDb } from "@/tests/support/db";

const db = connectTestDb();

describe("seedDemoLetter", () => {
  beforeEach(() => resetDatabase(db));

  it("inserts the 2018 Microsoft letter with its demands, domain and timeline", async () => {
    expect(await seedDemoLetter(db)).toBe("created");
    const letter = await db.letter.findUniqueOrThrow({
      where: { slug: DEMO_LETTER_SLUG },
      include: { demands: { orderBy: { position: "asc" } }, domainRules: true, statusUpdates: true, count: true },
    });
    expect(letter).toMatchObject({ addressee: "Satya Nadella, CEO of Microsoft", status: "OPEN" });
    expect(letter.demands.map((d) => d.text)).toEqual(demoLetter.demands);
    expect(letter.demands[0]?.text).toMatch(/contracts with U\.S\. Immigration and Customs Enforcement/);
    expect(letter.demands[1]?.text).toMatch(/international human rights law/);
    expect(letter.domainRules).toEqual([expect.objectContaining({ domain: "microsoft.com", includeSubdomains: false })]);
    expect(letter.statusUpdates).toHaveLength(4);
    expect(letter.count?.total).toBe(0);
  });

  it("is idempotent, even when several processes seed at once", async () => {
    const outcomes = await Promise.all([seedDemoLetter(db), seedDemoLetter(db), seedDemoLetter(db)]);
    expect(outcomes.sort()).toEqual(["already-present", "already-present", "created"]);
    expect(await seedDemoLetter(db)).toBe("already-present");
    expect(await db.letter.count()).toBe(1);
  });

  it("leaves a database that is in use alone when asked to seed only an empty one", async () => {
    await createLetter(db);
    expect(await seedDemoLetter(db, { onlyIntoEmptyDatabase: true })).toBe("skipped-not-empty");
    expect(await db.letter.count({ where: { slug: DEMO_LETTER_SLUG } })).toBe(0);
  });
});
