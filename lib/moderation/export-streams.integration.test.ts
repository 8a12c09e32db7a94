import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow, perform } from "@/tests/support/moderation";
import { EXPORT_BATCH, exportSignatures } from "./export-signatures";

// A letter of a million signatures used to be exported in one interactive transaction that
// Prisma ended at 5 s (a 500), after building the whole file as one string. The export now
// streams from one snapshot, a keyset batch at a time: these tests cross batch boundaries on
// purpose, with ties on the confirmation time, and change the letter while the file is read.

const db = connectTestDb();

/**
 * `count` named confirmed signers by SQL, with the counts as folds leave them; every ten share
 * one confirmation time, so keyset ties happen at batch boundaries.
 */
async function seedNamed(letterId: string, count: number) {
  await db.$executeRaw`
    INSERT INTO "Signature" ("letterId", "emailKey", domain, "displayName", "showName", state, "createdAt", "confirmedAt")
    SELECT ${letterId}::uuid, 'k' || g, 'example.com', 'Signer ' || lpad(g::text, 6, '0'), true, 'CONFIRMED',
           timestamp '2026-11-01 00:00' + (g / 10) * interval '1 second', timestamp '2026-11-01 00:00' + (g / 10) * interval '1 second'
    FROM generate_series(1, ${count}::int) g`;
  await db.domainCount.create({ data: { letterId, domain: "example.com", total: count, named: count } });
}

async function readChunks(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  return {
    async next(): Promise<string | null> {
      const { done, value } = await reader.read();
      return done ? null : decoder.decode(value, { stream: true });
    },
    async rest(): Promise<string> {
      let text = "";
      for (let chunk = await this.next(); chunk !== null; chunk = await this.next()) text += chunk;
      return text;
    },
  };
}

describe("the export streams from one snapshot", () => {
  beforeEach(() => resetDatabase(db));

  it("holds every named signer exactly once, in order, across batches", async () => {
    const letter = await createLetter(db, { domains: ["example.com"] });
    const editor = await createActor(db, letter.id, "EDITOR");
    const count = EXPORT_BATCH * 2 + 7;
    await seedNamed(letter.id, count);

    const result = await perform(db, editor, exportSignatures, letter.id, {});
    const lines = (await new Response(result.stream).text()).split("\r\n");

    const names = lines.slice(1, 1 + count).map((line) => line.split('","')[0]!.slice(1));
    expect(names).toHaveLength(count);
    expect(new Set(names).size).toBe(count);
    // In confirmation order (ties broken by id, so only the second each ten share is ordered).
    const seconds = names.map((name) => Math.floor(Number(name.slice("Signer ".length)) / 10));
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(lines[1 + count]).toBe("");
    expect(result).toMatchObject({ named: count, anonymous: 0 });
  });

  it("writes what its snapshot held: a signature confirmed or withdrawn mid-download changes neither the file nor the log", async () => {
    const letter = await createLetter(db, { domains: ["example.com"] });
    const editor = await createActor(db, letter.id, "EDITOR");
    await seedNamed(letter.id, EXPORT_BATCH + 3);
    const leaving = await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, orderBy: [{ confirmedAt: "desc" }, { id: "desc" }] });

    const result = await perform(db, editor, exportSignatures, letter.id, {});
    const chunks = await readChunks(result.stream);
    const first = (await chunks.next()) ?? "";
    expect(first).toContain('"Name","Job title"');
    // While the rest is still to be read: one more named signer, one fewer.
    await createSignatureRow(db, letter.id, { name: "Late Lara", confirmedAt: new Date("2027-01-01T00:00:00Z") });
    await db.signature.update({ where: { id: leaving.id }, data: { state: "WITHDRAWN" } });
    const csv = first + (await chunks.rest());

    expect(csv).not.toContain("Late Lara");
    expect(csv).toContain(leaving.displayName);
    const namedLines = csv.split("\r\n\r\n")[0]!.split("\r\n").length - 1;
    expect(namedLines).toBe(EXPORT_BATCH + 3);
    expect(await db.letterActivity.findMany({ where: { letterId: letter.id, action: "signatures.exported" } })).toEqual([
      expect.objectContaining({ detail: { named: EXPORT_BATCH + 3, anonymous: 0 } }),
    ]);
  });

  it("ends its transaction when the download is abandoned", async () => {
    const letter = await createLetter(db, { domains: ["example.com"] });
    const editor = await createActor(db, letter.id, "EDITOR");
    await seedNamed(letter.id, EXPORT_BATCH + 1);
    const openSnapshots = () =>
      db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;

    const result = await perform(db, editor, exportSignatures, letter.id, {});
    const reader = result.stream.getReader();
    await reader.read();
    expect(Number((await openSnapshots())[0]!.n)).toBe(1);
    await reader.cancel();

    await expect.poll(async () => Number((await openSnapshots())[0]!.n)).toBe(0);
  });
});
