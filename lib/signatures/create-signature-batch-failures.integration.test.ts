import { beforeEach, describe, expect, it } from "vitest";
import { cachedSigningPolicyLoader } from "@/lib/letters/signing-policy";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";
import { createSignature } from "./create-signature";

/*
 * Under a signing spike, submissions arrive together and the letter's policy comes from a cache
 * up to a second old. Among simultaneous submissions, the ones that cannot be stored as new (a
 * duplicate address, a letter closed a moment ago) must each get their own right answer, and
 * must cost the others nothing: every other submission is stored with its email.
 */

const db = connectTestDb();
beforeEach(() => resetDatabase(db));

describe("simultaneous submissions, some of which cannot be stored as new", () => {
  it("answers each correctly: duplicates get the same answer and one row, the closed letter refuses, the rest are stored with their email", async () => {
    const open = await createLetter(db);
    const closing = await createLetter(db);
    // A long-lived cache, filled while both letters are open: it still says "open" below.
    const loadPolicy = cachedSigningPolicyLoader(60_000);
    const deps = signingDeps(db, { loadPolicy });
    await createSignature(deps, open.slug, signer({ email: "first@example.com" }));
    await createSignature(deps, closing.slug, signer({ email: "early@example.com" }));
    await db.letter.update({ where: { id: closing.id }, data: { status: "CLOSED" } });

    const submissions = [
      ...Array.from({ length: 12 }, (_, i) => ({ slug: open.slug, email: `new${i}@example.com` })),
      ...Array.from({ length: 6 }, () => ({ slug: open.slug, email: "twice@example.com" })),
      { slug: open.slug, email: "first@example.com" },
      ...Array.from({ length: 4 }, (_, i) => ({ slug: closing.slug, email: `late${i}@example.com` })),
    ];
    const outcomes = await Promise.all(
      submissions.map(({ slug, email }) =>
        createSignature(deps, slug, signer({ email })).then(
          (result) => result.status,
          (error: { code?: string }) => error.code ?? "bug",
        ),
      ),
    );

    expect(outcomes.slice(0, 19)).toEqual(Array(19).fill("pending"));
    expect(outcomes.slice(19)).toEqual(Array(4).fill("LETTER_NOT_OPEN"));
    expect(await db.signature.count({ where: { letterId: open.id } })).toBe(1 + 12 + 1);
    expect(await db.signature.count({ where: { letterId: closing.id } })).toBe(1);
    // One email per submission to the open letter (the same email whatever the address's state).
    expect(await db.outboxEmail.count()).toBe(2 + 12 + 6 + 1);
  });
});
