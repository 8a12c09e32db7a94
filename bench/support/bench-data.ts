import { randomBytes } from "node:crypto";
import pg from "pg";
import { generateToken, hashToken } from "@/lib/security/tokens";

export const BENCH_DOMAIN = "bench.example";

/** An open letter that addresses at the bench domain may sign, with its count row. */
export async function createBenchLetter(pool: pg.Pool): Promise<{ id: string; slug: string }> {
  const slug = `bench-${randomBytes(3).toString("hex")}`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Letter" (slug, title, addressee, "bodyMarkdown", status, goal, "publishedAt", "updatedAt", "discreetEmails")
     VALUES ($1, 'Benchmark letter', 'The Board', 'We ask for **one thing**.', 'OPEN', 100000, now(), now(), true) RETURNING id`,
    [slug],
  );
  const id = rows[0]!.id;
  await pool.query(`INSERT INTO "Demand" ("letterId", position, text, "updatedAt") VALUES ($1, 0, 'Do the right thing.', now())`, [id]);
  await pool.query(`INSERT INTO "DomainRule" ("letterId", domain) VALUES ($1, $2)`, [id, BENCH_DOMAIN]);
  await pool.query(`INSERT INTO "LetterCount" ("letterId", total) VALUES ($1, 0)`, [id]);
  return { id, slug };
}

/**
 * `count` pending signatures with a confirmation token each, written straight into the tables
 * (in batches of 1,000 rows) so that the confirmation scenario measures confirming, not signing.
 * Returns the plain tokens, which exist nowhere else.
 */
export async function preparePendingSignatures(pool: pg.Pool, letterId: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const batchTokens = Array.from({ length: size }, generateToken);
    tokens.push(...batchTokens);
    await pool.query(
      `WITH signatures AS (
         INSERT INTO "Signature" ("letterId", "emailKey", domain, "displayName", "showName")
         SELECT $1::uuid, 'bench-' || gen_random_uuid(), $2, 'Bench Signer', false FROM generate_series(1, $3)
         RETURNING id),
       numbered AS (SELECT id, row_number() OVER () AS n FROM signatures)
       INSERT INTO "SignatureToken" ("signatureId", "tokenHash", purpose, "expiresAt")
       SELECT numbered.id, hashes.hash, 'CONFIRM', now() + interval '2 days'
       FROM numbered JOIN unnest($4::text[]) WITH ORDINALITY AS hashes(hash, n) USING (n)`,
      [letterId, BENCH_DOMAIN, size, batchTokens.map(hashToken)],
    );
  }
  return tokens;
}

export type TInsertBaseline = { insertsPerSecond: number; p50Ms: number; p99Ms: number; errors: number };

/**
 * The database's own floor for a submission: the same signature row inserted directly with `pg`
 * at the same concurrency, for the same time, with nothing in between.
 */
export async function measureDirectInserts(url: string, letterId: string, connections: number, durationSeconds: number): Promise<TInsertBaseline> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + durationSeconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      try {
        await pool.query(
          `INSERT INTO "Signature" ("letterId", "emailKey", domain, "displayName", "showName", "sourceKey") VALUES ($1, $2, $3, 'Direct Insert', true, 'baseline')`,
          [letterId, randomBytes(16).toString("hex"), BENCH_DOMAIN],
        );
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0);
  return { insertsPerSecond: Math.round(latencies.length / seconds), p50Ms: at(0.5), p99Ms: at(0.99), errors };
}
