import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createSignatureRow } from "@/tests/support/moderation";
import { countSignatures } from "./count-signatures";
import { listBusySources } from "./list-busy-sources";
import { listSignaturesForOrganisers } from "./list-signatures-for-organisers";
import { previewBulkInvalidation } from "./preview-bulk-invalidation";
import { sourceLabel } from "./source-label";

const db = connectTestDb();
const HOUR = 60 * 60 * 1000;

describe("what organisers see of their signatures", () => {
  beforeEach(() => resetDatabase(db));

  it("counts signatures by state and by domain, from the rows, this letter only", async () => {
    const letter = await createLetter(db);
    const other = await createLetter(db);
    for (const [domain, state] of [
      ["example.com", "CONFIRMED"],
      ["example.com", "CONFIRMED"],
      ["example.com", "PENDING"],
      ["other.org", "CONFIRMED"],
      ["other.org", "WITHDRAWN"],
      ["other.org", "INVALIDATED"],
    ] as const) {
      await createSignatureRow(db, letter.id, { domain, state });
    }
    await createSignatureRow(db, other.id);

    expect(await countSignatures(db, letter.id)).toEqual({
      byState: { PENDING: 1, CONFIRMED: 3, WITHDRAWN: 1, INVALIDATED: 1 },
      byDomain: [
        { domain: "example.com", PENDING: 1, CONFIRMED: 2, WITHDRAWN: 0, INVALIDATED: 0 },
        { domain: "other.org", PENDING: 0, CONFIRMED: 1, WITHDRAWN: 1, INVALIDATED: 1 },
      ],
    });
  });

  it("never names an anonymous signer, nor lets a search find one by name", async () => {
    const letter = await createLetter(db);
    await createSignatureRow(db, letter.id, { name: "Alex Anonymous", showName: false, jobTitle: "VP Secrets", team: "Hidden team" });
    await createSignatureRow(db, letter.id, { name: "Alexandra Hidden", nameHidden: true });
    await createSignatureRow(db, letter.id, { name: "Alexis Public", jobTitle: "Engineer" });

    const { signatures } = await listSignaturesForOrganisers(db, letter.id);
    expect(signatures.map((s) => s.name)).toEqual(["Alexis Public", "Alexandra Hidden", null]);
    const anonymous = signatures.find((s) => s.name === null);
    expect(anonymous).toMatchObject({ jobTitle: null, team: null });
    expect(JSON.stringify(signatures)).not.toContain("Alex Anonymous");
    expect(JSON.stringify(signatures)).not.toContain("VP Secrets");

    for (const q of ["alex", "ALEX ANON", "anonymous", "Alexandra", "hidden"]) {
      const found = (await listSignaturesForOrganisers(db, letter.id, { q })).signatures.map((s) => s.name);
      expect(
        found.every((name) => name === "Alexis Public"),
        `search "${q}" found ${found.join(", ")}`,
      ).toBe(true);
    }
    expect((await listSignaturesForOrganisers(db, letter.id, { q: "aLeXiS" })).signatures.map((s) => s.name)).toEqual(["Alexis Public"]);
  });

  it("pages newest first without repeating or skipping anyone", async () => {
    const letter = await createLetter(db);
    const start = Date.UTC(2026, 10, 1);
    const created = [];
    // Two at the very same instant: the id breaks the tie.
    for (let i = 0; i < 7; i++) created.push(await createSignatureRow(db, letter.id, { createdAt: new Date(start + Math.min(i, 5) * HOUR) }));

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listSignaturesForOrganisers(db, letter.id, { limit: 3, after });
      seen.push(...result.signatures.map((s) => s.id));
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((s) => s.id)));
    expect(seen.slice(0, 2).sort()).toEqual(
      created
        .slice(5)
        .map((s) => s.id)
        .sort(),
    );
  });

  it("shows a per-letter label of the source, never the stored key, and PostgreSQL computes the same label", async () => {
    const letter = await createLetter(db);
    const other = await createLetter(db);
    const signature = await createSignatureRow(db, letter.id, { sourceKey: "stored-source-key" });
    const [row] = (await listSignaturesForOrganisers(db, letter.id)).signatures;
    expect(row?.source).toMatch(/^[0-9a-f]{8}$/);
    expect(row?.source).toBe(sourceLabel(letter.id, "stored-source-key"));
    expect(row?.source).not.toBe(sourceLabel(other.id, "stored-source-key"));
    expect(JSON.stringify(row)).not.toContain("stored-source-key");
    expect(await previewBulkInvalidation(db, letter.id, { source: row?.source ?? "missing" })).toMatchObject({ total: 1 });

    // Beside an anonymous signer the label would link them to named signers of the same source.
    const anonymous = await createSignatureRow(db, letter.id, { sourceKey: "stored-source-key", showName: false });
    const { signatures: after } = await listSignaturesForOrganisers(db, letter.id, {});
    expect(after.find((candidate) => candidate.id === anonymous.id)?.source).toBeNull();
    expect(await previewBulkInvalidation(db, letter.id, { source: row?.source ?? "missing" })).toMatchObject({ total: 2 });
    expect(signature.id).toBe(row?.id);
  });

  it("lists the sources with the most signatures in the last 24 hours, with their domains", async () => {
    const letter = await createLetter(db);
    const now = new Date("2026-11-20T12:00:00Z");
    const recent = new Date(now.getTime() - 2 * HOUR);
    for (const domain of ["a.com", "b.com", "c.com", "a.com"]) await createSignatureRow(db, letter.id, { sourceKey: "flood", domain, createdAt: recent });
    for (let i = 0; i < 2; i++) await createSignatureRow(db, letter.id, { sourceKey: "office", domain: "example.com", createdAt: recent });
    for (let i = 0; i < 5; i++) await createSignatureRow(db, letter.id, { sourceKey: "yesterday", createdAt: new Date(now.getTime() - 25 * HOUR) });
    await createSignatureRow(db, letter.id, { sourceKey: "lonely", createdAt: recent });

    expect(await listBusySources(db, letter.id, now)).toEqual([
      { label: sourceLabel(letter.id, "flood"), signatures: 4, domains: ["a.com", "b.com", "c.com"] },
      { label: sourceLabel(letter.id, "office"), signatures: 2, domains: ["example.com"] },
    ]);
  });
});
