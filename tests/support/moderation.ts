import { randomBytes } from "node:crypto";
import { addOrganiser, createActor as createUserActor, organiserDeps } from "./organisers";
import type { TActor } from "@/lib/auth/actor";
import { performLetterAction, type TLetterAction } from "@/lib/auth/organiser-action";
import type { TLetterRole } from "@/lib/auth/roles";
import type { SignatureState } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";
import { recordCountChange } from "@/lib/counts/record-count-change";

/** A signed-in user, optionally an organiser of `letterId` with `role` ("ADMIN": a platform admin). */
export async function createActor(db: TDb, letterId?: string, role?: TLetterRole): Promise<TActor> {
  const actor = await createUserActor(db, { isAdmin: role === "ADMIN" });
  if (letterId && role && role !== "ADMIN") await addOrganiser(db, letterId, actor, role);
  return actor;
}

/** Runs an organiser action the only way the app does: authorisation, validation, then the action. */
export function perform<TInput, TResult>(
  db: TDb,
  actor: TActor | null,
  action: TLetterAction<TInput, TResult>,
  letterId: string,
  input: unknown,
  now = new Date(),
): Promise<TResult> {
  return performLetterAction(organiserDeps(db, { now }), actor, action, letterId, input);
}

type SignatureRow = {
  name?: string;
  domain?: string;
  showName?: boolean;
  state?: SignatureState;
  createdAt?: Date;
  confirmedAt?: Date | null;
  sourceKey?: string | null;
  comment?: string | null;
  jobTitle?: string | null;
  team?: string | null;
  nameHidden?: boolean;
  invalidationReason?: string | null;
};

/**
 * A signature row as signing would have left it, written directly: moderation tests need many
 * signatures in exact states, sources and times, which the signing path (rate limits, emails,
 * clocks) would only obscure. A confirmed one is counted too, as confirming would have done, so
 * that invalidating it later leaves the letter's total where it was before it signed.
 */
export async function createSignatureRow(db: TDb, letterId: string, row: SignatureRow = {}) {
  const state = row.state ?? "CONFIRMED";
  const createdAt = row.createdAt ?? new Date();
  const signature = await db.signature.create({
    data: {
      letterId,
      emailKey: randomBytes(16).toString("hex"),
      domain: row.domain ?? "example.com",
      displayName: row.name ?? `Signer ${randomBytes(3).toString("hex")}`,
      showName: row.showName ?? true,
      nameHidden: row.nameHidden ?? false,
      jobTitle: row.jobTitle ?? null,
      team: row.team ?? null,
      comment: row.comment ?? null,
      state,
      invalidationReason: row.invalidationReason ?? null,
      createdAt,
      confirmedAt: row.confirmedAt !== undefined ? row.confirmedAt : state === "CONFIRMED" ? createdAt : null,
      sourceKey: row.sourceKey === undefined ? randomBytes(16).toString("hex") : row.sourceKey,
    },
  });
  if (state === "CONFIRMED" && signature.confirmedAt) {
    await db.$transaction((tx) =>
      recordCountChange(tx, { signatureId: signature.id, letterId, domain: signature.domain, confirmedAt: signature.confirmedAt!, delta: 1 }),
    );
  }
  return signature;
}

/**
 * `count` pending signatures (floods rarely confirm) with their `createdAt` spread evenly over
 * [from, to), in one statement: burst detection needs hundreds of rows at exact times.
 */
export async function createPendingSignatures(
  db: TDb,
  letterId: string,
  count: number,
  rows: { from: Date; to: Date; sourceKey?: string | null; domain?: string | ((index: number) => string) },
): Promise<void> {
  const step = (rows.to.getTime() - rows.from.getTime()) / count;
  await db.signature.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      letterId,
      emailKey: randomBytes(16).toString("hex"),
      domain: typeof rows.domain === "function" ? rows.domain(index) : (rows.domain ?? "example.com"),
      displayName: `Signer ${randomBytes(3).toString("hex")}`,
      state: "PENDING" as const,
      createdAt: new Date(rows.from.getTime() + Math.floor(index * step)),
      sourceKey: rows.sourceKey === undefined ? randomBytes(16).toString("hex") : rows.sourceKey,
    })),
  });
}
