import pg from "pg";

export type TPlan = { name: string; ms: number; plan: string[] };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements whose work grows with a letter's rows (found by
 * the big letter's figures), written out as the app sends them so the plans show where time goes.
 */
const GROWERS: { name: string; sql: string; params: (letterId: string) => unknown[] }[] = [
  {
    name: "organiser counts (countSignatures)",
    sql: `SELECT domain, 'CONFIRMED' AS state, SUM(total)::bigint AS count FROM (
            SELECT domain, total::bigint AS total FROM "DomainCount" WHERE "letterId" = $1
            UNION ALL
            SELECT domain, SUM(delta)::bigint FROM "CountEvent" WHERE "letterId" = $1 GROUP BY domain
          ) confirmed GROUP BY domain HAVING SUM(total) <> 0
          UNION ALL
          SELECT domain, state::text, COUNT(*) FROM "Signature"
          WHERE "letterId" = $1 AND state IN ('PENDING', 'WITHDRAWN', 'INVALIDATED')
          GROUP BY domain, state`,
    params: (id) => [id],
  },
  {
    name: "organiser name search (listSignaturesForOrganisers q)",
    sql: `SELECT id FROM "Signature" WHERE "letterId" = $1 AND "showName" AND NOT "nameHidden" AND "displayName" ILIKE $2 ORDER BY "createdAt" DESC, id DESC LIMIT 51`,
    params: (id) => [id, "%signer 4242%"],
  },
  {
    name: "delivery: confirmed by domain, named and not",
    sql: `SELECT domain, count(*) AS total, count(*) FILTER (WHERE "showName" AND NOT "nameHidden") AS named,
            count(*) FILTER (WHERE NOT ("showName" AND NOT "nameHidden") AND "verificationMethod" = 'ORGANISER') AS "anonymousByOrganisers"
          FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' GROUP BY domain`,
    params: (id) => [id],
  },
  {
    name: "export: one keyset batch of named signers",
    sql: `SELECT id, "displayName", "jobTitle", team, domain, "confirmedAt", "verificationMethod" FROM "Signature"
          WHERE "letterId" = $1 AND state = 'CONFIRMED' AND "showName" AND NOT "nameHidden" AND "confirmedAt" >= now() - interval '150 days'
          ORDER BY "confirmedAt", id LIMIT 5000`,
    params: (id) => [id],
  },
  {
    name: "trending alerts (detectSignatureBursts): the window's groups over the floor",
    sql: `SELECT "letterId", "sourceKey", domain, count(*) FROM "Signature"
          WHERE "letterId" IN ($1) AND "createdAt" >= now() - interval '10 minutes' AND "createdAt" <= now()
          GROUP BY GROUPING SETS (("letterId", "sourceKey"), ("letterId", domain)) HAVING count(*) >= 20`,
    params: (id) => [id],
  },
  {
    name: "trending alerts (detectSignatureBursts): a candidate domain's day, when there is one",
    sql: `SELECT "letterId", domain, count(*) FROM "Signature"
          WHERE "letterId" IN ($1) AND ("letterId", domain) IN (($1, 'd7.example')) AND "createdAt" >= now() - interval '1 day 10 minutes' AND "createdAt" < now() - interval '10 minutes'
          GROUP BY 1, 2`,
    params: (id) => [id],
  },
  {
    name: "reconcile: one letter's exact counts",
    sql: `SELECT domain, "confirmedAt"::date, count(*) FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' GROUP BY 1, 2`,
    params: (id) => [id],
  },
];

export async function explainGrowers(pool: pg.Pool, letterId: string): Promise<TPlan[]> {
  const plans: TPlan[] = [];
  for (const grower of GROWERS) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${grower.sql}`, grower.params(letterId));
    const plan = rows.map((row) => row["QUERY PLAN"]);
    const ms = Number(plan.find((line) => line.startsWith("Execution Time"))?.match(/([\d.]+) ms/)?.[1] ?? -1);
    plans.push({ name: grower.name, ms, plan });
    console.log(`\n-- ${grower.name} (${ms} ms)\n${plan.join("\n")}`);
  }
  return plans;
}
