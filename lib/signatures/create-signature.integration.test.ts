import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createSigningRateLimits } from "@/lib/security/rate-limits";
import { createSignature } from "./create-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";

const db = connectTestDb();

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("createSignature", () => {
  beforeEach(() => resetDatabase(db));

  it("stores a pending signature without the address, and queues its verification email with it", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    const answer = await createSignature(signingDeps(db), letter.slug, signer({ email: "Jane.Doe+letters@Microsoft.com" }));
    expect(answer).toEqual({ status: "pending" });

    const [signature, ...others] = await db.signature.findMany();
    expect(others).toHaveLength(0);
    expect(signature).toMatchObject({ state: "PENDING", domain: "microsoft.com", displayName: "Jane Doe", showName: true });
    expect(JSON.stringify(signature).toLowerCase()).not.toContain("jane.doe");

    const emails = await db.outboxEmail.findMany();
    expect(emails).toEqual([
      expect.objectContaining({
        to: "Jane.Doe+letters@microsoft.com",
        template: "signature-confirm",
        data: {
          signatureId: signature!.id,
          proposal: { displayName: "Jane Doe", jobTitle: null, team: null, comment: null, showName: true, showNameAt: null },
        },
      }),
    ]);
  });

  it("gives the same answer and the same email to a second submission, and keeps one signature as it was", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    await createSignature(signingDeps(db), letter.slug, signer({ email: "jane.doe@microsoft.com" }));
    await db.signature.updateMany({ data: { state: "CONFIRMED", confirmedAt: new Date() } });

    const again = await createSignature(signingDeps(db), letter.slug, signer({ email: "JANE.DOE+again@microsoft.com." }));
    expect(again).toEqual({ status: "pending" });
    expect(await db.signature.count()).toBe(1);
    expect(await db.signature.findFirstOrThrow()).toMatchObject({ state: "CONFIRMED", displayName: "Jane Doe" });
    expect((await db.outboxEmail.findMany({ orderBy: { id: "asc" } })).map((email) => email.template)).toEqual(["signature-confirm", "signature-confirm"]);
  });

  it("turns 50 simultaneous submissions of one address into one signature and one email", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
    afterAll(() => pool.end());
    const limits = createSigningRateLimits({
      pool,
      env: {
        RATE_LIMITS_ENABLED: true,
        RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 1000,
        RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 1,
        RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 1000,
        RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 5,
      },
    });
    const deps = signingDeps(db, { mayEmailAddress: (letterId, key) => limits.consumeAddressEmail(letterId, key) });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createSignature(deps, letter.slug, signer({ email: `sam+${i}@microsoft.com`, name: `Sam ${i}` }))),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set(["pending"]));
    expect(await db.signature.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("refuses addresses outside the letter's domains, naming the allowed ones", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    for (const email of ["jane@gmail.com", "jane@microsoft.co", "jane@rnicrosoft.com", "jane@microsoft.com.evil.io", "jane@evilmicrosoft.com"]) {
      const error = await appErrorOf(createSignature(signingDeps(db), letter.slug, signer({ email })));
      expect(error.code, email).toBe("DOMAIN_NOT_ALLOWED");
      expect(error.message).toContain("@microsoft.com");
      expect(error.fields?.email?.[0]).toContain("@microsoft.com");
    }
    expect(await db.signature.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses letters that are not open, and hides drafts as unknown", async () => {
    const closed = await createLetter(db, { status: "CLOSED" });
    const draft = await createLetter(db, { status: "DRAFT" });
    const expired = await createLetter(db);
    await db.letter.update({ where: { id: expired.id }, data: { closesAt: new Date(Date.now() - 1000) } });

    expect((await appErrorOf(createSignature(signingDeps(db), closed.slug, signer()))).code).toBe("LETTER_NOT_OPEN");
    expect((await appErrorOf(createSignature(signingDeps(db), expired.slug, signer()))).code).toBe("LETTER_NOT_OPEN");
    expect((await appErrorOf(createSignature(signingDeps(db), draft.slug, signer()))).code).toBe("LETTER_NOT_FOUND");
    expect((await appErrorOf(createSignature(signingDeps(db), "no-such-letter", signer()))).code).toBe("LETTER_NOT_FOUND");
  });

  it("explains invalid input field by field", async () => {
    const letter = await createLetter(db);
    const error = await appErrorOf(
      createSignature(signingDeps(db), letter.slug, { name: "", email: "not an address", anonymous: "yes", comment: "x".repeat(1001) }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["anonymous", "comment", "name"]);

    const badEmail = await appErrorOf(createSignature(signingDeps(db), letter.slug, signer({ email: "jane@@example.com" })));
    expect(badEmail.fields?.email).toEqual(["Enter your work email address, like name@company.com."]);

    const link = await appErrorOf(createSignature(signingDeps(db), letter.slug, signer({ name: "Buy now at cheap-pills.com" })));
    expect(link.fields?.name).toEqual(["A name cannot contain a web address."]);

    const injection = await appErrorOf(createSignature(signingDeps(db), letter.slug, signer({ name: "Jane\r\nBcc: all@example.com" })));
    expect(injection.fields?.name?.[0]).toMatch(/not allowed/);
  });

  it("defuses spreadsheet formulas and drops what the letter does not collect", async () => {
    const letter = await createLetter(db);
    await db.letter.update({ where: { id: letter.id }, data: { collectJobTitle: false, allowComments: false, allowPublicNames: false } });
    await createSignature(signingDeps(db), letter.slug, signer({ name: "=cmd|' /C calc'!A0", title: "CEO", comment: "hello", anonymous: false }));
    const signature = await db.signature.findFirstOrThrow();
    expect(signature.displayName).toBe("cmd|' /C calc'!A0");
    expect(signature).toMatchObject({ jobTitle: null, comment: null, showName: false });
  });

  it("stays silent, with the same answer, when the address may not be emailed again yet", async () => {
    const letter = await createLetter(db);
    const answer = await createSignature(signingDeps(db, { mayEmailAddress: async () => false }), letter.slug, signer());
    expect(answer).toEqual({ status: "pending" });
    expect(await db.signature.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(0);
  });
});
