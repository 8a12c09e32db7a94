import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { LETTER_LIMITS } from "./letter-limits";
import { claimLetterVersion, withLetterVersion } from "./letter-version";
import { isPublic } from "./lifecycle";
import { formatCount } from "@/lib/wording/format";

const DAY_MS = 24 * 60 * 60 * 1000;
const RESPOND_BY_MAX_DAYS = 2 * 366;

const ZBody = z
  .string()
  .trim()
  .max(LETTER_LIMITS.statusBody, `Keep it under ${formatCount(LETTER_LIMITS.statusBody)} characters.`);
const ZOccurredAt = z.union([z.literal(""), z.coerce.date()]).optional();
/** "They promised an answer by 15 July": a calendar day (the date input's `YYYY-MM-DD`), or nothing. */
const ZRespondBy = z.union([z.literal(""), z.iso.date("Enter a date such as 2026-07-15.")]).optional();

/**
 * An update organisers post by hand. A response must quote the response; the others may stand
 * on their kind alone ("Delivered to …"). PUBLISHED and DEMAND_CHANGE are written by the
 * platform, never typed in.
 */
export const ZStatusUpdateInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("DELIVERED"), body: ZBody, occurredAt: ZOccurredAt, respondBy: ZRespondBy }),
  z.object({ kind: z.literal("RESPONSE"), body: ZBody.min(1, "Paste or summarise the response."), occurredAt: ZOccurredAt, respondBy: ZRespondBy }),
  z.object({ kind: z.literal("VICTORY"), body: ZBody, occurredAt: ZOccurredAt, respondBy: ZRespondBy }),
  z.object({ kind: z.literal("NOTE"), body: ZBody.min(1, "Write the note."), occurredAt: ZOccurredAt, respondBy: ZRespondBy }),
]);

function defaultBody(kind: "DELIVERED" | "RESPONSE" | "VICTORY" | "NOTE", addressee: string): string {
  switch (kind) {
    case "DELIVERED":
      return `The letter was delivered to ${addressee}.`;
    case "VICTORY":
      return "Victory: the letter's demands were won.";
    case "RESPONSE":
    case "NOTE":
      return "";
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown update kind ${String(unreachable)}`);
    }
  }
}

/** Adds a dated update to a public letter's timeline (shown newest first). */
export const postStatusUpdate = defineLetterAction({
  name: "postStatusUpdate",
  requires: "EDITOR",
  input: withLetterVersion(ZStatusUpdateInput),
  async run({ db, now, actor, letter }, { version, ...update }) {
    if (!isPublic(letter.status)) throw new AppError("INVALID_TRANSITION", { message: "Publish the letter before posting updates." });
    const occurredAt = update.occurredAt instanceof Date ? update.occurredAt : now;
    // Backdating is normal (it was delivered yesterday); dating into the future is a typo.
    if (occurredAt.getTime() > now.getTime() + DAY_MS) {
      throw new AppError("INVALID_INPUT", { fields: { occurredAt: ["That date is in the future."] } });
    }
    const respondBy = checkRespondBy(update.respondBy, occurredAt);
    const { addressee } = await db.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { addressee: true } });
    return db.$transaction(async (tx) => {
      const saved = await claimLetterVersion(tx, letter.id, version);
      const created = await tx.statusUpdate.create({
        data: {
          letterId: letter.id,
          kind: update.kind,
          body: update.body || defaultBody(update.kind, addressee),
          occurredAt,
          respondBy,
          authorId: actor.userId,
        },
        select: { id: true },
      });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "status.posted", detail: { kind: update.kind }, at: now });
      return { ...created, version: saved };
    });
  },
});

/**
 * The promised date as a UTC day, checked against the update it belongs to: a promise cannot be
 * due before it was made, and one due years later is a typo (the year) far more often than a
 * real promise. Calendar subscribers would carry either mistake for years.
 */
function checkRespondBy(raw: string | undefined, occurredAt: Date): Date | null {
  if (!raw) return null;
  const respondBy = new Date(`${raw}T00:00:00.000Z`);
  const madeOn = Date.UTC(occurredAt.getUTCFullYear(), occurredAt.getUTCMonth(), occurredAt.getUTCDate());
  if (respondBy.getTime() < madeOn) {
    throw new AppError("INVALID_INPUT", { fields: { respondBy: ["The promised date is before the update's date."] } });
  }
  if (respondBy.getTime() > madeOn + RESPOND_BY_MAX_DAYS * DAY_MS) {
    throw new AppError("INVALID_INPUT", { fields: { respondBy: ["Choose a date within two years of the update."] } });
  }
  return respondBy;
}
