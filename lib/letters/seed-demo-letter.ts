import type { TDb } from "@/lib/db/prisma";
import { demoLetter } from "./demo-letter";

export type TSeedOutcome = "created" | "already-present" | "skipped-not-empty";

/**
 * Inserts the demo letter unless it is already there (by slug), so running it twice is harmless.
 * With `onlyIntoEmptyDatabase`, a database that holds any letter is left alone: a first run of
 * the app gets the demo, an instance in real use never has it re-added after deleting it.
 */
export async function seedDemoLetter(db: TDb, options: { onlyIntoEmptyDatabase?: boolean } = {}): Promise<TSeedOutcome> {
  const { demands, domainRules, statusUpdates, ...letter } = demoLetter;
  return db.$transaction(async (tx) => {
    // Serialises concurrent seeders (two app instances starting together) on one key.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('undersigned:seed-demo-letter'))`;
    if (options.onlyIntoEmptyDatabase && (await tx.letter.count()) > 0) return "skipped-not-empty";
    if (await tx.letter.findUnique({ where: { slug: letter.slug }, select: { id: true } })) {
      return "already-present";
    }
    await tx.letter.create({
      data: {
        ...letter,
        demands: { create: demands.map((text, position) => ({ text, position })) },
        domainRules: { create: domainRules },
        statusUpdates: { create: statusUpdates },
        count: { create: { total: 0 } },
      },
    });
    return "created";
  });
}
