import pg from "pg";

/**
 * What a request waiting on a bulk job would feel: while `work` runs, every 100 ms a single-row
 * write to one of the letter's signatures (the row lock a confirmation, withdrawal or moderation
 * takes) and a count fold's table lock (LOCK TABLE "LetterCount", the fold's and the
 * reconciliation's mutex), each in its own short transaction. Returns the longest wait seen.
 */
export async function withLockProbe<T>(url: string, letterId: string, work: () => Promise<T>): Promise<{ result: T; maxWaitMs: number; probes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' AND domain = 'd7.example' ORDER BY "createdAt" DESC LIMIT 1`,
    [letterId],
  );
  const target = rows[0]?.id ?? null;
  let maxWaitMs = 0;
  let probes = 0;
  let done = false;
  const loop = (async () => {
    while (!done) {
      const started = performance.now();
      await client.query("BEGIN");
      if (target) await client.query(`UPDATE "Signature" SET "commentHidden" = "commentHidden" WHERE id = $1`, [target]);
      await client.query(`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`);
      await client.query("COMMIT");
      maxWaitMs = Math.max(maxWaitMs, performance.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    done = true;
    // A probe still waiting when the job ends waited for the job: it counts too.
    await loop;
    return { result, maxWaitMs: Math.round(maxWaitMs), probes };
  } finally {
    done = true;
    await loop.catch(() => undefined);
    await client.end();
  }
}
