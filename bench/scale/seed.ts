import pg from "pg";

export const SEED_DOMAINS = 50;
export const SEED_DAYS = 300;

export type TSeededLetter = { id: string; slug: string; confirmed: number; withdrawn: number; invalidated: number; pending: number };

/**
 * A published letter with `confirmed` confirmed signatures written by SQL (generate_series), as
 * years of signing would leave them: spread evenly over the last SEED_DAYS days (so the last day
 * holds 1/300 of them, as a steady letter would) and SEED_DOMAINS domains, every other signer
 * named, one in three with a job title, one in a thousand from one of seven busy sources; plus
 * some withdrawn (erased as withdrawal erases), invalidated and pending ones. Its count rows are
 * the exact aggregates, as the aggregator would have left them.
 */
export async function seedLetter(
  pool: pg.Pool,
  options: { slug: string; confirmed: number; withdrawn: number; invalidated: number; pending: number; closesAt?: Date },
): Promise<TSeededLetter> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Letter" (slug, title, addressee, "bodyMarkdown", status, goal, "publishedAt", "closesAt", "updatedAt", "openToAnyDomain")
     VALUES ($1, 'Scale letter ' || $1, 'The Board', 'We ask for **one thing**.', 'OPEN', 2000000, now() - interval '${SEED_DAYS + 1} days', $2, now(), true) RETURNING id`,
    [options.slug, options.closesAt ?? null],
  );
  const id = rows[0]!.id;
  await pool.query(`INSERT INTO "Demand" ("letterId", position, text, "updatedAt") VALUES ($1, 0, 'Do the right thing.', now())`, [id]);
  const ended = options.withdrawn + options.invalidated;
  const all = options.confirmed + ended + options.pending;
  // Row g: confirmed for g <= confirmed, then withdrawn, invalidated, and pending last (newest).
  await pool.query(
    `INSERT INTO "Signature" ("letterId", "emailKey", domain, "displayName", "jobTitle", "showName", state, "createdAt", "confirmedAt", "endedAt", "invalidationReason", "sourceKey")
     SELECT $1::uuid,
            CASE WHEN kind = 'WITHDRAWN' THEN 'withdrawn:' || g ELSE 'seed-' || md5($1 || g::text) END,
            'd' || (g % ${SEED_DOMAINS}) || '.example',
            CASE WHEN kind = 'WITHDRAWN' THEN '' ELSE 'Signer ' || g END,
            CASE WHEN kind <> 'WITHDRAWN' AND g % 3 = 0 THEN 'Engineer' END,
            g % 2 = 0, kind::"SignatureState", at,
            CASE WHEN kind <> 'PENDING' THEN at + interval '5 minutes' END,
            CASE WHEN kind IN ('WITHDRAWN', 'INVALIDATED') THEN at + interval '1 day' END,
            CASE WHEN kind = 'INVALIDATED' THEN 'Seeded' END,
            CASE WHEN kind <> 'WITHDRAWN' AND g % 1000 = 0 THEN 'src-' || (g % 7) END
     FROM (
       SELECT g,
              CASE WHEN g <= $2 THEN 'CONFIRMED' WHEN g <= $2 + $3 THEN 'WITHDRAWN' WHEN g <= $2 + $3 + $4 THEN 'INVALIDATED' ELSE 'PENDING' END AS kind,
              (now() - interval '${SEED_DAYS} days' + (g::float8 / $5) * interval '${SEED_DAYS} days' - interval '10 minutes')::timestamp AS at
       FROM generate_series(1, $5::int) g
     ) rows`,
    [id, options.confirmed, options.withdrawn, options.invalidated, all],
  );
  await pool.query(`INSERT INTO "LetterCount" ("letterId", total) SELECT $1, count(*) FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED'`, [id]);
  await pool.query(
    // With the named breakdown as lib/counts/named-counts.ts keeps it (no organiser-verified rows here).
    `INSERT INTO "DomainCount" ("letterId", domain, total, named) SELECT $1, domain, count(*), count(*) FILTER (WHERE "showName" AND NOT "nameHidden")
     FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' GROUP BY domain`,
    [id],
  );
  await pool.query(
    `INSERT INTO "DailyCount" ("letterId", day, total) SELECT $1, "confirmedAt"::date, count(*) FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' GROUP BY 2`,
    [id],
  );
  return { id, ...options };
}

/** An organiser (owner) of the letter, as the actor organiser actions need. */
export async function seedOwner(pool: pg.Pool, letterId: string, email: string): Promise<{ userId: string; email: string; isAdmin: boolean }> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO "User" (email, "updatedAt") VALUES ($1, now()) RETURNING id`, [email]);
  await pool.query(`INSERT INTO "LetterOrganiser" ("letterId", "userId", role) VALUES ($1, $2, 'OWNER')`, [letterId, rows[0]!.id]);
  return { userId: rows[0]!.id, email, isAdmin: false };
}
