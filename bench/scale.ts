/**
 * `npm run bench:scale` (outside `npm test`: it seeds a million rows): what a letter's size costs.
 * Seeds by SQL, on a throwaway database, a letter with 1,000,000 confirmed signatures (50
 * domains, 300 days, half named, thousands withdrawn and invalidated) next to one with 1,000, and
 * measures for both, in this process: the public reads (letter, total, first and deep keyset
 * pages), the organiser's signatures page (everything it awaits), the trending-alerts query
 * (quiet, and with a burst under way), the CSV export (time per 100k rows, peak memory) and the
 * delivery page's data, in turns for the two letters; then reconcileCounts, bulk
 * invalidation of a whole domain, and retention (with a due letter closed in the same
 * housekeeping run). Jobs run under a lock probe (probe.ts). Prints a table, EXPLAIN ANALYZE of
 * the statements behind anything that grows, and writes bench/scale-results.json.
 *
 * SCALE_SIGNATURES (default 1000000) sets the big letter's size; SCALE_DATABASE_URL a server
 * database to use (default: a throwaway database on TEST_DATABASE_URL's server, dropped after).
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/tests/support/throwaway-database";
import { explainGrowers, type TPlan } from "./scale/plans";
import { combineFigures, measureLetter, type TLetterFigures } from "./scale/reads";
import { measureLetterJobs, type TJobFigures } from "./scale/jobs";
import { seedLetter, seedOwner } from "./scale/seed";
import { inTurns } from "./support/in-turns";

const BIG = Number(process.env.SCALE_SIGNATURES ?? 1_000_000);
const SMALL = 1_000;
const root = process.cwd();

async function main() {
  const started = performance.now();
  const loadAtStart = os.loadavg();
  let throwaway: TThrowawayDatabase | undefined;
  const url = process.env.SCALE_DATABASE_URL ?? (throwaway = await createThrowawayDatabase("undersigned_scale")).url;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = createPrismaClient(url, { poolSize: 10 });
  try {
    await applyMigrations(url, path.join(root, "prisma", "migrations"));
    const seed = async (slug: string, size: number) => {
      const seedStarted = performance.now();
      const letter = await seedLetter(pool, {
        slug,
        confirmed: size,
        withdrawn: Math.max(10, Math.round(size * 0.003)),
        invalidated: Math.max(5, Math.round(size * 0.002)),
        pending: Math.min(500, size),
      });
      console.log(`Seeded ${slug} (${size.toLocaleString("en")} confirmed) in ${Math.round((performance.now() - seedStarted) / 1000)} s`);
      return { letter, owner: await seedOwner(pool, letter.id, `owner-${slug}@example.org`) };
    };
    const letters = { "scale-small": await seed("scale-small", SMALL), "scale-big": await seed("scale-big", BIG) };
    await pool.query(`VACUUM ANALYZE`);
    // The reads of both letters in turns (small, big, big, small): measured one letter after the
    // other, the small letter's ran first on a cold process and the big letter's minutes later,
    // and a drift of the machine in between landed on one side of every ratio (in-turns.ts).
    const windows = await inTurns(["scale-small", "scale-big", "scale-big", "scale-small"] as const, (slug) => {
      console.log(`Reads on ${slug}`);
      return measureLetter(db, pool, letters[slug].letter, letters[slug].owner);
    });
    const reads: Record<string, TLetterFigures> = { "scale-small": combineFigures(windows["scale-small"]), "scale-big": combineFigures(windows["scale-big"]) };
    console.log("Query plans on the big letter");
    const plans: TPlan[] = await explainGrowers(pool, letters["scale-big"].letter.id);
    // The jobs change what they run on (the last erases the letter's signer records): one letter
    // at a time, after every read.
    const jobs: Record<string, TJobFigures> = {};
    for (const slug of ["scale-small", "scale-big"] as const) {
      console.log(`Bulk jobs on ${slug}`);
      jobs[slug] = await measureLetterJobs(db, pool, url, letters[slug].letter);
    }

    const table = printTable(reads, jobs, "scale-small", "scale-big");
    // The machine's load beside the figures: on a shared machine, absolute times mean little and
    // only the same-run ratios between the two letters should be compared.
    const results = {
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      node: process.version,
      sizes: { small: SMALL, big: BIG },
      table,
      reads,
      jobs,
      plans,
      elapsedSeconds: Math.round((performance.now() - started) / 1000),
    };
    await writeFile(path.join(root, "bench", "scale-results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Wrote bench/scale-results.json (${results.elapsedSeconds} s in all).`);
  } finally {
    await db.$disconnect();
    await pool.end();
    await throwaway?.drop();
  }
}

type TTableRow = { item: string; small: number | string; big: number | string; ratio: string };

function printTable(reads: Record<string, TLetterFigures>, jobs: Record<string, TJobFigures>, smallSlug: string, bigSlug: string): TTableRow[] {
  const rows: TTableRow[] = [];
  const add = (item: string, small: number | string | undefined, big: number | string | undefined) => {
    const ratio = typeof small === "number" && typeof big === "number" && small > 0 ? `${(big / small).toFixed(2)}×` : "–";
    rows.push({ item, small: small ?? "–", big: big ?? "–", ratio });
  };
  const s = reads[smallSlug]!;
  const b = reads[bigSlug]!;
  for (const key of Object.keys(s) as (keyof TLetterFigures)[]) add(key, s[key] as number | string, b[key] as number | string);
  const js = jobs[smallSlug]!;
  const jb = jobs[bigSlug]!;
  for (const key of Object.keys(js) as (keyof TJobFigures)[]) add(key, js[key] as number | string, jb[key] as number | string);
  console.log(`\n| item | ${smallSlug} | ${bigSlug} | ratio |\n|---|---:|---:|---:|`);
  for (const row of rows) console.log(`| ${row.item} | ${row.small} | ${row.big} | ${row.ratio} |`);
  return rows;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
