import pg from "pg";
import { performLetterAction } from "@/lib/auth/organiser-action";
import { getExactLetterTotal } from "@/lib/counts/get-letter-total";
import type { TDb } from "@/lib/db/prisma";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { countSignatures } from "@/lib/moderation/count-signatures";
import { detectSignatureBursts } from "@/lib/moderation/detect-signature-bursts";
import { exportSignatures } from "@/lib/moderation/export-signatures";
import { getDeliverySheet } from "@/lib/moderation/get-delivery-sheet";
import { listBusySources } from "@/lib/moderation/list-busy-sources";
import { listSignaturesForOrganisers } from "@/lib/moderation/list-signatures-for-organisers";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";
import { medianMs, onceMs, peakRssGrowthMb, round } from "./measure";
import { seedOwner, type TSeededLetter } from "./seed";

export type TLetterFigures = {
  "public: letter (ms)": number;
  "public: exact total (ms)": number;
  "public: first page of signatures (ms)": number;
  "public: deep keyset page (ms)": number;
  "organiser: signatures page, all it awaits (ms)": number;
  "organiser: counts by state and domain (ms)": number;
  "organiser: newest signatures (ms)": number;
  "organiser: name search (ms)": number;
  "organiser: busy sources (ms)": number;
  "trending alerts (ms)": number;
  "trending alerts, a burst under way (ms)": number;
  "delivery page data (ms)": number;
  "delivery page: names inline": number;
  "export: total (ms)": number | string;
  "export: rows": number;
  "export: ms per 100k rows": number | string;
  "export: peak memory growth (MB)": number;
  "export: live memory growth after GC (MB)": number;
  "export: bytes": number;
};

const settings = { requireApproval: false, appUrl: "http://localhost:3000", minPublicGroup: 5 };

type TActor = Awaited<ReturnType<typeof seedOwner>>;

/** The reads' figures for one letter, whose owner is `actor` (seedOwner). Changes nothing it does not put back. */
export async function measureLetter(db: TDb, pool: pg.Pool, letter: TSeededLetter, actor: TActor): Promise<TLetterFigures> {
  const middle = (
    await pool.query<{ confirmedAt: Date; id: string }>(
      `SELECT "confirmedAt", id FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED' ORDER BY "confirmedAt" OFFSET $2 LIMIT 1`,
      [letter.id, Math.floor(letter.confirmed / 2)],
    )
  ).rows[0]!;
  const now = new Date();
  const page = () =>
    Promise.all([
      countSignatures(db, letter.id),
      listSignaturesForOrganisers(db, letter.id, {}),
      listBusySources(db, letter.id, now),
      detectSignatureBursts(db, [letter.id], now),
    ]);
  const figures: Partial<TLetterFigures> = {
    "public: letter (ms)": await medianMs(() => getPublishedLetter(db, letter.slug, { minPublicGroup: 5 })),
    "public: exact total (ms)": await medianMs(() => getExactLetterTotal(db, letter.id)),
    "public: first page of signatures (ms)": await medianMs(() => pagePublicSignatures(db, letter.id, { limit: 20, cursor: null, minPublicGroup: 5 })),
    "public: deep keyset page (ms)": await medianMs(() =>
      pagePublicSignatures(db, letter.id, { limit: 20, cursor: { at: middle.confirmedAt, id: middle.id }, minPublicGroup: 5 }),
    ),
    "organiser: signatures page, all it awaits (ms)": await medianMs(page),
    "organiser: counts by state and domain (ms)": await medianMs(() => countSignatures(db, letter.id)),
    "organiser: newest signatures (ms)": await medianMs(() => listSignaturesForOrganisers(db, letter.id, {})),
    "organiser: name search (ms)": await medianMs(() => listSignaturesForOrganisers(db, letter.id, { q: "signer 4242" })),
    "organiser: busy sources (ms)": await medianMs(() => listBusySources(db, letter.id, now)),
    "trending alerts (ms)": await medianMs(() => detectSignatureBursts(db, [letter.id], now)),
    "trending alerts, a burst under way (ms)": await withBurst(db, pool, letter.id),
    "delivery page data (ms)": await medianMs(() => getDeliverySheet(db, letter.id, { minPublicGroup: 5 }), 1),
  };
  const sheet = await getDeliverySheet(db, letter.id, { minPublicGroup: 5 });
  figures["delivery page: names inline"] = sheet?.signers.firstNamed.length ?? 0;
  const exported = await peakRssGrowthMb(() =>
    onceMs(async () => drain(await performLetterAction({ db, now: new Date(), settings }, actor, exportSignatures, letter.id, {}))),
  );
  const { ms, result, error } = exported.result;
  figures["export: total (ms)"] = error ? `failed after ${ms} ms: ${error}` : ms;
  figures["export: rows"] = result?.lines ?? 0;
  figures["export: ms per 100k rows"] = result && result.lines > 0 ? round((ms * 100_000) / result.lines) : "–";
  figures["export: peak memory growth (MB)"] = exported.peakGrowthMb;
  figures["export: bytes"] = result?.bytes ?? 0;
  // RSS includes the heap V8 keeps before collecting, so it says little about what the export
  // holds. A second export, collected every 10 chunks: the memory still live then is what it holds.
  figures["export: live memory growth after GC (MB)"] = await liveGrowthMb(
    async () => (await performLetterAction({ db, now: new Date(), settings }, actor, exportSignatures, letter.id, {})).stream,
  );
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
  return figures as TLetterFigures;
}

/**
 * One letter's figures from windows taken in turns (scale.ts): each number the mean of its
 * windows' (each a median already), anything else (a failure's message) the first window's.
 */
export function combineFigures(windows: readonly TLetterFigures[]): TLetterFigures {
  const first = windows[0]!;
  const combined = { ...first };
  for (const key of Object.keys(first) as (keyof TLetterFigures)[]) {
    const values = windows.map((window) => window[key]);
    if (values.every((value): value is number => typeof value === "number"))
      (combined[key] as number) = round(values.reduce((sum, value) => sum + value, 0) / values.length);
  }
  return combined;
}

/**
 * With a burst under way: the seed ends ten minutes ago, so the alerts' window is otherwise
 * empty. For the measurement only, the letter's own pace for ten minutes (its last day's rows
 * / 144) and 40 pending signatures from one source at one of its domains, deleted afterwards.
 * Both the source and the domain must come out as bursts, or the figure would time the quiet path.
 */
async function withBurst(db: TDb, pool: pg.Pool, letterId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "letterId" = $1 AND "createdAt" >= now() - interval '1 day'`, [
    letterId,
  ]);
  await pool.query(
    `INSERT INTO "Signature" ("letterId", "emailKey", domain, "displayName", "showName", state, "createdAt", "sourceKey")
     SELECT $1, 'burst-' || g, CASE WHEN g <= 40 THEN 'd7.example' ELSE 'd' || (g % 50) || '.example' END, 'Burst ' || g, false, 'PENDING',
            now() - (g % 300) * interval '1 second', CASE WHEN g <= 40 THEN 'src-burst' END
     FROM generate_series(1, 40 + $2::int) g`,
    [letterId, Math.round(Number(rows[0]!.n) / 144)],
  );
  try {
    const kinds = (await detectSignatureBursts(db, [letterId], new Date())).map((burst) => burst.subject.kind).sort();
    if (kinds.join() !== "domain,source") throw new Error(`the bench's burst was not detected (${kinds.join() || "nothing"})`);
    return await medianMs(() => detectSignatureBursts(db, [letterId], new Date()));
  } finally {
    await pool.query(`DELETE FROM "Signature" WHERE "letterId" = $1 AND "emailKey" LIKE 'burst-%'`, [letterId]);
  }
}

/** Largest live memory (heap and external, right after a full GC) above the start, read every 10 chunks. */
async function liveGrowthMb(open: () => Promise<ReadableStream<Uint8Array>>): Promise<number> {
  const live = () => {
    globalThis.gc?.();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  const base = live();
  let peak = base;
  let chunks = 0;
  for await (const _chunk of (await open()) as unknown as AsyncIterable<Uint8Array>) {
    chunks += 1;
    if (chunks % 10 === 0) peak = Math.max(peak, live());
  }
  return round((Math.max(peak, live()) - base) / 1024 / 1024);
}

/** Reads an export to its end as a client would, counting bytes and lines, keeping nothing. */
async function drain(result: { stream: ReadableStream<Uint8Array> }): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of result.stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { bytes, lines };
}
