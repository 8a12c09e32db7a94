// Over 250 lines on purpose: the whole path of a signature verified by organisers, claim to count, with its refusals.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { performLetterAction, type TOrganiserCodeChecks } from "@/lib/auth/organiser-action";
import type { TActor } from "@/lib/auth/actor";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import type { TDb } from "@/lib/db/prisma";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { updateOpenLetter } from "@/lib/letters/update-open-letter";
import { createSigningRateLimits } from "@/lib/security/rate-limits";
import { hashToken } from "@/lib/security/tokens";
import { createOrganiserVerifiedSignature } from "@/lib/signatures/create-organiser-verified-signature";
import { revealDueNames } from "@/lib/signatures/reveal-names";
import { deleteExpiredOrganiserClaims } from "@/lib/signatures/delete-expired-organiser-claims";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { formatOrganiserCode, generateOrganiserCode } from "@/lib/signatures/organiser-code";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { addOrganiser, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { rejectOrganiserCode, verifyOrganiserCode } from "./decide-organiser-code";
import { exportSignatures } from "./export-signatures";
import { lookUpOrganiserCode } from "./look-up-organiser-code";

// Signers who will not receive mail at work (issue 14 §3) are vouched for by the organisers, who
// check a code the signer shows them. The code is the only thing standing between anyone on the
// internet and a counted signature, so: it is never at rest in plain, a wrong, spent or lapsed
// code does nothing and says nothing about other claims, an organiser of another letter cannot
// use it, and guessing is limited. Verifying counts exactly as an email confirmation does.

const db = connectTestDb();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const CODE_KEY = "organiser-code-key-for-tests-0123456789";
const LIMITS = {
  RATE_LIMITS_ENABLED: true,
  RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 1000,
  RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 5,
  RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 1000,
  RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 5,
};

function codeChecks(overrides: { perOrganiser?: number; perLetter?: number } = {}): TOrganiserCodeChecks {
  const limits = createSigningRateLimits({
    pool,
    env: {
      ...LIMITS,
      RATE_LIMIT_CODE_GUESSES_PER_ORGANISER_PER_HOUR: overrides.perOrganiser ?? 100,
      RATE_LIMIT_CODE_GUESSES_PER_LETTER_PER_HOUR: overrides.perLetter ?? 100,
    },
  });
  return { codeKey: CODE_KEY, consumeGuess: (userId, letterId) => limits.consumeOrganiserCodeGuess(userId, letterId) };
}

const signingLimits = createSigningRateLimits({ pool, env: LIMITS });

async function optedInLetter(overrides: Parameters<typeof createLetter>[1] = {}) {
  const letter = await createLetter(db, { domains: ["microsoft.com"], ...overrides });
  await db.letter.update({
    where: { id: letter.id },
    data: { organiserVerification: true, organiserVerificationInstructions: "Signal +1 555 0100 a photo of your badge." },
  });
  const owner = await createActor(db);
  await addOrganiser(db, letter.id, owner, "OWNER");
  return { letter, owner };
}

function claim(slug: string, input: Record<string, unknown> = {}, now = new Date()) {
  return createOrganiserVerifiedSignature({ db, now, codeKey: CODE_KEY, limits: signingLimits, clientKey: `client-${Math.random()}` }, slug, {
    name: "Quiet Quinn",
    anonymous: true,
    domain: "microsoft.com",
    ...input,
  });
}

function act<TInput, TResult>(
  actor: TActor,
  action: Parameters<typeof performLetterAction<TInput, TResult>>[2],
  letterId: string,
  input: unknown,
  options: { now?: Date; checks?: TOrganiserCodeChecks } = {},
) {
  return performLetterAction(
    organiserDeps(db, { now: options.now ?? new Date(), organiserCodes: options.checks ?? codeChecks() }),
    actor,
    action,
    letterId,
    input,
  );
}

async function dumpAll(database: TDb): Promise<string> {
  const rows = await database.$queryRaw<{ rows: unknown }[]>`
    SELECT json_agg(x) AS rows FROM (
      SELECT row_to_json(s)::text AS x FROM "Signature" s UNION ALL SELECT row_to_json(t)::text FROM "SignatureToken" t
      UNION ALL SELECT row_to_json(a)::text FROM "LetterActivity" a UNION ALL SELECT row_to_json(o)::text FROM "OutboxEmail" o
      UNION ALL SELECT row_to_json(r)::text FROM rate_limits r) everything`;
  return JSON.stringify(rows);
}

describe("signatures verified by organisers", () => {
  beforeEach(() => resetDatabase(db));

  it("takes a claim without an address and keeps only a keyed hash of its code", async () => {
    const { letter } = await optedInLetter();
    const result = await claim(letter.slug, { name: "Quiet Quinn", anonymous: false });

    expect(result.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);
    expect(result.instructions).toBe("Signal +1 555 0100 a photo of your badge.");
    const row = await db.signature.findUniqueOrThrow({ where: { id: result.signatureId }, include: { tokens: true } });
    expect(row).toMatchObject({ state: "PENDING", verificationMethod: "ORGANISER", domain: "microsoft.com", displayName: "Quiet Quinn", showName: true });
    expect(row.emailKey).toBe(`organiser:${row.id}`);
    // The receipt comes with the claim, stored only as its hash.
    expect(row.receiptHash).toBe(hashToken(result.receipt));
    expect(row.tokens).toEqual([expect.objectContaining({ purpose: "ORGANISER_CODE", usedAt: null })]);
    expect(row.tokens[0]!.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(await db.outboxEmail.count()).toBe(0);
    const everything = await dumpAll(db);
    for (const form of [result.code, formatOrganiserCode(result.code), result.code.toLowerCase(), result.receipt]) expect(everything).not.toContain(form);
  });

  it("refuses a letter that has not opted in, and a domain the letter does not admit", async () => {
    const plain = await createLetter(db, { domains: ["microsoft.com"] });
    await expect(claim(plain.slug)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const { letter } = await optedInLetter();
    await expect(claim(letter.slug, { domain: "evilmicrosoft.com" })).rejects.toMatchObject({
      code: "DOMAIN_NOT_ALLOWED",
      fields: { domain: [expect.any(String)] },
    });
    await expect(claim(letter.slug, { domain: "not a domain" })).rejects.toMatchObject({ code: "DOMAIN_NOT_ALLOWED" });
    await expect(claim(letter.slug, { name: "" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { name: [expect.any(String)] } });
    expect(await db.signature.count()).toBe(0);
  });

  it("lets a letter open to any domain take any well-formed domain", async () => {
    const { letter } = await optedInLetter();
    await db.letter.update({ where: { id: letter.id }, data: { openToAnyDomain: true } });
    const result = await claim(letter.slug, { domain: "@Example.ORG" });
    expect(await db.signature.findUniqueOrThrow({ where: { id: result.signatureId } })).toMatchObject({ domain: "example.org" });
    await expect(claim(letter.slug, { domain: "localhost" })).rejects.toMatchObject({ code: "DOMAIN_NOT_ALLOWED" });
  });

  it("shows the organiser the claim, then counts it once verified, exactly like an email confirmation", async () => {
    const { letter, owner } = await optedInLetter();
    await addConfirmedSignatures(db, letter.id, [{ name: "Email Emma", domain: "microsoft.com" }]);
    await foldCountEvents(db);
    const earlier = await claim(letter.slug, { name: "Vera Verified", anonymous: false });
    await act(owner, verifyOrganiserCode, letter.id, { code: earlier.code });
    const { code } = await claim(letter.slug, { name: "Quiet Quinn", anonymous: true });

    const lookup = await act(owner, lookUpOrganiserCode, letter.id, { code: formatOrganiserCode(code).toLowerCase() });
    expect(lookup.claim).toMatchObject({ displayName: "Quiet Quinn", anonymous: true, domain: "microsoft.com", code: formatOrganiserCode(code) });
    expect(lookup.recentlyVerified).toEqual([expect.objectContaining({ displayName: "Vera Verified", domain: "microsoft.com" })]);

    await foldCountEvents(db);
    const before = await getPublishedLetter(db, letter.slug, { minPublicGroup: 1 });
    expect(before).toMatchObject({ total: 2, byVerification: { email: 1, organiser: 1 } });
    await act(owner, verifyOrganiserCode, letter.id, { code });
    await foldCountEvents(db);
    const after = await getPublishedLetter(db, letter.slug, { minPublicGroup: 1 });
    expect(after).toMatchObject({ total: 3, byVerification: { email: 1, organiser: 2 }, byDomain: [{ domain: "microsoft.com", total: 3 }] });

    const shown = await listPublicSignatures(db, letter.id);
    expect(shown.map((entry) => [entry.name, entry.verification])).toEqual([
      [null, "organiser"],
      ["Vera Verified", "organiser"],
      ["Email Emma", "email"],
    ]);
    const actions = (await db.letterActivity.findMany({ where: { letterId: letter.id }, orderBy: { id: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["signature.organiser-verified", "organiser-code.looked-up", "signature.organiser-verified"]);
  });

  it("offers the letter's thresholds and teams: a claim waits for its domain like an emailed signature, and counts in its team", async () => {
    const { letter, owner } = await optedInLetter({ collectTeam: true, teams: ["Azure Core"] });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [2] } });
    await expect(claim(letter.slug, { name: "Early Eve", anonymous: undefined, display: { nameAt: 7 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { display: [expect.stringContaining("Choose one of 2")] },
    });
    await expect(claim(letter.slug, { anonymous: undefined })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { display: expect.any(Array) } });
    const { code } = await claim(letter.slug, { name: "Wait Wanda", anonymous: undefined, display: { nameAt: 2 }, team: "azure core" });
    await act(owner, verifyOrganiserCode, letter.id, { code });
    await foldCountEvents(db);
    expect(await revealDueNames(db)).toBe(0);
    expect((await listPublicSignatures(db, letter.id)).map((entry) => entry.name)).toEqual([null]);
    expect(await db.teamCount.findMany({ where: { letterId: letter.id }, select: { team: true, total: true } })).toEqual([{ team: "azure core", total: 1 }]);

    await addConfirmedSignatures(db, letter.id, [{ name: "Second Sam", domain: "microsoft.com" }]);
    await foldCountEvents(db);
    expect(await revealDueNames(db)).toBe(1);
    expect((await listPublicSignatures(db, letter.id)).map((entry) => [entry.name, entry.team])).toEqual([
      ["Second Sam", null],
      ["Wait Wanda", "Azure Core"],
    ]);
  });

  it("says in the CSV export how each signer was verified", async () => {
    const { letter, owner } = await optedInLetter();
    await addConfirmedSignatures(db, letter.id, [
      { name: "Email Emma", domain: "microsoft.com" },
      { name: "Anon Email", domain: "microsoft.com", anonymous: true },
    ]);
    for (const input of [
      { name: "Vera Verified", anonymous: false },
      { name: "Quiet Quinn", anonymous: true },
    ]) {
      const { code } = await claim(letter.slug, input);
      await act(owner, verifyOrganiserCode, letter.id, { code });
    }
    const { stream } = await act(owner, exportSignatures, letter.id, {});
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe('"Name","Job title","Team","Domain","Confirmed","Verified by"');
    expect(lines.filter((line) => line.startsWith('"Email Emma"'))[0]).toMatch(/"work email"$/);
    expect(lines.filter((line) => line.startsWith('"Vera Verified"'))[0]).toMatch(/"organisers"$/);
    expect(lines.slice(-3)).toEqual(['"Domain","Anonymous verified signers","Of which verified by organisers"', '"microsoft.com","2","1"', ""]);
    expect(csv).not.toContain("Quiet Quinn");
  });

  it("refuses a reused code: verified or rejected, it counts once and never again", async () => {
    const { letter, owner } = await optedInLetter();
    const { code } = await claim(letter.slug);
    await act(owner, verifyOrganiserCode, letter.id, { code });
    const events = await db.countEvent.count();
    await expect(act(owner, verifyOrganiserCode, letter.id, { code })).rejects.toMatchObject({ code: "TOKEN_USED" });
    await expect(act(owner, rejectOrganiserCode, letter.id, { code, reason: "Changed my mind" })).rejects.toMatchObject({ code: "TOKEN_USED" });
    await expect(act(owner, lookUpOrganiserCode, letter.id, { code })).rejects.toMatchObject({ code: "TOKEN_USED" });
    expect(await db.countEvent.count()).toBe(events);

    // Two organisers verifying the same code at once: one wins, one is told it was used.
    const second = await claim(letter.slug);
    const outcomes = await Promise.allSettled([
      act(owner, verifyOrganiserCode, letter.id, { code: second.code }),
      act(owner, verifyOrganiserCode, letter.id, { code: second.code }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.countEvent.count()).toBe(events + 1);
  });

  it("rejects a claim with a reason: it never counts, and the log says why", async () => {
    const { letter, owner } = await optedInLetter();
    const { code, signatureId } = await claim(letter.slug);
    await expect(act(owner, rejectOrganiserCode, letter.id, { code, reason: "" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await act(owner, rejectOrganiserCode, letter.id, { code, reason: "Badge was from another company" });
    expect(await db.signature.findUniqueOrThrow({ where: { id: signatureId } })).toMatchObject({
      state: "INVALIDATED",
      invalidationReason: "Badge was from another company",
    });
    expect(await db.countEvent.count()).toBe(0);
    expect(await db.letterActivity.findFirst({ where: { action: "signature.organiser-rejected" } })).toMatchObject({
      detail: { reason: "Badge was from another company", domain: "microsoft.com" },
    });
  });

  it("answers a wrong code the same whether it exists elsewhere or nowhere, and logs the miss", async () => {
    const { letter, owner } = await optedInLetter();
    const other = await optedInLetter();
    const elsewhere = await claim(other.letter.slug);
    await claim(letter.slug);

    const nowhere = await act(owner, lookUpOrganiserCode, letter.id, { code: generateOrganiserCode() }).catch((error: unknown) => error);
    const otherLetters = await act(owner, verifyOrganiserCode, letter.id, { code: elsewhere.code }).catch((error: unknown) => error);
    expect(nowhere).toMatchObject({ code: "TOKEN_INVALID" });
    expect(otherLetters).toMatchObject({ code: "TOKEN_INVALID", message: (nowhere as Error).message });
    expect(await db.signature.findUniqueOrThrow({ where: { id: elsewhere.signatureId } })).toMatchObject({ state: "PENDING" });
    expect(await db.letterActivity.count({ where: { letterId: letter.id, action: "organiser-code.missed" } })).toBe(2);
  });

  it("catches a typo before looking anything up, so it costs no guess", async () => {
    const { letter, owner } = await optedInLetter();
    const { code } = await claim(letter.slug);
    const typo = code.slice(0, 3) + (code[3] === "7" ? "8" : "7") + code.slice(4);
    const checks = codeChecks({ perOrganiser: 1 });
    await expect(act(owner, lookUpOrganiserCode, letter.id, { code: typo }, { checks })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { code: [expect.stringContaining("typo")] },
    });
    await expect(act(owner, lookUpOrganiserCode, letter.id, { code: "12345" }, { checks })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(act(owner, lookUpOrganiserCode, letter.id, { code }, { checks })).resolves.toMatchObject({ claim: { domain: "microsoft.com" } });
  });

  it("refuses a lapsed code, and housekeeping deletes lapsed claims (in batches) but nothing else", async () => {
    const { letter, owner } = await optedInLetter();
    const start = new Date("2026-11-01T10:00:00Z");
    const lapsed = await Promise.all([claim(letter.slug, {}, start), claim(letter.slug, {}, start), claim(letter.slug, {}, start)]);
    const verified = await claim(letter.slug, {}, start);
    await act(owner, verifyOrganiserCode, letter.id, { code: verified.code }, { now: new Date("2026-11-02T10:00:00Z") });
    const fresh = await claim(letter.slug, {}, new Date("2026-11-14T10:00:00Z"));
    const later = new Date("2026-11-15T10:00:01Z");

    await expect(act(owner, verifyOrganiserCode, letter.id, { code: lapsed[0]!.code }, { now: later })).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
    expect(await deleteExpiredOrganiserClaims(db, later, 2)).toBe(2);
    expect(await deleteExpiredOrganiserClaims(db, later, 2)).toBe(1);
    expect(await deleteExpiredOrganiserClaims(db, later, 2)).toBe(0);
    const left = await db.signature.findMany({ select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([verified.signatureId, fresh.signatureId].sort());
    expect(await db.signatureToken.count({ where: { signatureId: { in: lapsed.map((entry) => entry.signatureId) } } })).toBe(0);
  });

  it("does not let an editor of another letter verify this letter's code", async () => {
    const { letter } = await optedInLetter();
    const other = await optedInLetter();
    const outsider = await createActor(db);
    await addOrganiser(db, other.letter.id, outsider, "EDITOR");
    const { code, signatureId } = await claim(letter.slug);

    await expect(act(outsider, verifyOrganiserCode, letter.id, { code })).rejects.toMatchObject({ code: "LETTER_NOT_FOUND" });
    await expect(act(outsider, verifyOrganiserCode, other.letter.id, { code })).rejects.toMatchObject({ code: "TOKEN_INVALID" });
    expect(await db.signature.findUniqueOrThrow({ where: { id: signatureId } })).toMatchObject({ state: "PENDING" });
    expect(await db.countEvent.count()).toBe(0);
  });

  it("limits guessing per organiser and per letter", async () => {
    const { letter, owner } = await optedInLetter();
    const coOrganiser = await createActor(db);
    await addOrganiser(db, letter.id, coOrganiser, "EDITOR");
    const { code } = await claim(letter.slug);
    const checks = codeChecks({ perOrganiser: 3, perLetter: 5 });
    const guess = (actor: TActor) =>
      act(actor, lookUpOrganiserCode, letter.id, { code: generateOrganiserCode() }, { checks }).catch((error: { code?: string }) => error.code);

    expect([await guess(owner), await guess(owner), await guess(owner), await guess(owner)]).toEqual([
      "TOKEN_INVALID",
      "TOKEN_INVALID",
      "TOKEN_INVALID",
      "RATE_LIMITED",
    ]);
    // The owner's refusals used none of the letter's allowance; the co-organiser has 2 left of it.
    expect([await guess(coOrganiser), await guess(coOrganiser), await guess(coOrganiser)]).toEqual(["TOKEN_INVALID", "TOKEN_INVALID", "RATE_LIMITED"]);
    // Even the right code is refused once the limit is reached: the limit is not an oracle.
    await expect(act(coOrganiser, lookUpOrganiserCode, letter.id, { code }, { checks })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
  });

  it("lets organisers change their instructions on an open letter, never to nothing", async () => {
    const { letter, owner } = await optedInLetter();
    await act(owner, updateOpenLetter, letter.id, {
      goal: 100,
      closesAt: "",
      organiserVerificationInstructions: "  Meet us at the gate, 9am.  ",
      version: await versionOf(db, letter.id),
    });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ organiserVerificationInstructions: "Meet us at the gate, 9am." });
    await expect(
      act(owner, updateOpenLetter, letter.id, { goal: 100, closesAt: "", organiserVerificationInstructions: " ", version: await versionOf(db, letter.id) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await act(owner, updateOpenLetter, letter.id, { goal: 200, closesAt: "", version: await versionOf(db, letter.id) });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      goal: 200,
      organiserVerificationInstructions: "Meet us at the gate, 9am.",
    });
    expect((await claim(letter.slug)).instructions).toBe("Meet us at the gate, 9am.");
  });

  it("refuses to check codes without a guess limit wired in", async () => {
    const { letter, owner } = await optedInLetter();
    const { code } = await claim(letter.slug);
    await expect(performLetterAction(organiserDeps(db), owner, lookUpOrganiserCode, letter.id, { code })).rejects.toThrow(/not configured/);
  });
});
