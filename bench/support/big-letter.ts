import { randomBytes } from "node:crypto";
import pg from "pg";
import { seedLetter } from "../scale/seed";

/**
 * A letter with `confirmed` confirmed signatures, seeded by SQL as `npm run bench:scale` seeds
 * its big letter (50 domains over 300 days, half named, some withdrawn, invalidated and
 * pending), open to any domain so the bench's submissions are accepted. Then
 * vacuumed and analysed, and a checkpoint taken, as an old letter's tables would be: the
 * scenarios that follow measure requests, not the seed's aftermath.
 */
export async function seedBigLetter(pool: pg.Pool, confirmed: number): Promise<{ id: string; slug: string }> {
  const slug = `big-${randomBytes(3).toString("hex")}`;
  // In proportion (3,000 withdrawn, 2,000 invalidated and 500 pending per million): the seed puts
  // the confirmed signatures first in time, so a fixed number of others would fill a small
  // letter's recent weeks, and its page would have no chart to draw where the big one has one.
  const share = (perMillion: number) => Math.max(1, Math.round((confirmed * perMillion) / 1_000_000));
  const seeded = await seedLetter(pool, { slug, confirmed, withdrawn: share(3_000), invalidated: share(2_000), pending: share(500) });
  await pool.query(`VACUUM ANALYZE "Signature"`);
  await pool.query(`VACUUM ANALYZE "SignatureToken"`);
  await pool.query("CHECKPOINT");
  return { id: seeded.id, slug: seeded.slug };
}
