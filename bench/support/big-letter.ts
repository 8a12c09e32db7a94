import { randomBytes } from "node:crypto";
import pg from "pg";
import { seedLetter } from "../scale/seed";

/**
 * A letter with `confirmed` confirmed signatures, seeded by SQL as `npm run bench:scale` seeds
 * its big letter (50 domains over 300 days, half named, a few thousand withdrawn and
 * invalidated, some pending), open to any domain so the bench's submissions are accepted. Then
 * vacuumed and analysed, and a checkpoint taken, as an old letter's tables would be: the
 * scenarios that follow measure requests, not the seed's aftermath.
 */
export async function seedBigLetter(pool: pg.Pool, confirmed: number): Promise<{ id: string; slug: string }> {
  const slug = `big-${randomBytes(3).toString("hex")}`;
  const seeded = await seedLetter(pool, { slug, confirmed, withdrawn: 3_000, invalidated: 2_000, pending: 500 });
  await pool.query(`VACUUM ANALYZE "Signature"`);
  await pool.query(`VACUUM ANALYZE "SignatureToken"`);
  await pool.query("CHECKPOINT");
  return { id: seeded.id, slug: seeded.slug };
}
