import type { LetterStatus } from "@/lib/db/generated/enums";
import { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { PUBLISHED_STATUSES } from "./published-statuses";

/**
 * Everything that moves a letter between states, and the only moves there are:
 *
 *   DRAFT ──publish──▶ OPEN ──close──▶ CLOSED
 *     │ ▲                ▲
 *  submit│ reject/withdraw │approve        (submit and approve: when REQUIRE_APPROVAL is on)
 *     ▼ │                │
 *   IN_REVIEW ───────────┘
 *
 * A closed letter stays closed: its total is final, and what was delivered is what was signed.
 */
export type TLetterEvent = "publish" | "submit" | "withdraw-submission" | "approve" | "reject" | "close";

const TRANSITIONS: Record<LetterStatus, Partial<Record<TLetterEvent, LetterStatus>>> = {
  DRAFT: { publish: "OPEN", submit: "IN_REVIEW" },
  IN_REVIEW: { approve: "OPEN", reject: "DRAFT", "withdraw-submission": "DRAFT" },
  OPEN: { close: "CLOSED" },
  CLOSED: {},
};

const REFUSALS: Record<TLetterEvent, string> = {
  publish: "Only a draft can be published.",
  submit: "Only a draft can be sent for review.",
  "withdraw-submission": "Only a letter waiting for review can be taken back.",
  approve: "Only a letter waiting for review can be approved.",
  reject: "Only a letter waiting for review can be sent back.",
  close: "Only an open letter can be closed.",
};

export function nextStatus(from: LetterStatus, event: TLetterEvent): LetterStatus {
  const to = TRANSITIONS[from][event];
  if (!to) throw new AppError("INVALID_TRANSITION", { message: REFUSALS[event] });
  return to;
}

export function canHappen(from: LetterStatus, event: TLetterEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** Whether the words of a letter may still change: not once anyone may have signed them. */
export function isEditable(status: LetterStatus): boolean {
  switch (status) {
    case "DRAFT":
      return true;
    case "IN_REVIEW":
    case "OPEN":
    case "CLOSED":
      return false;
    default: {
      const unreachable: never = status;
      throw new Error(`Unknown letter status ${String(unreachable)}`);
    }
  }
}

/** Whether visitors may see the letter (and organisers post status updates and set demand statuses). */
export function isPublic(status: string): boolean {
  return (PUBLISHED_STATUSES as readonly string[]).includes(status);
}

/** Whether a letter takes signatures (and confirmations of them) at this moment: open, and not past its closing date. */
export function takesSignatures(letter: { status: string; closesAt: Date | null }, now: Date): boolean {
  return letter.status === "OPEN" && !(letter.closesAt && letter.closesAt <= now);
}

/**
 * takesSignatures as a SQL condition on the letter `letterId`, for statements that write only
 * while it holds. Both may be values or SQL expressions (a batch's column: one rule per row).
 */
export function takesSignaturesSql(letterId: string | Prisma.Sql, now: Date | Prisma.Sql): Prisma.Sql {
  const id = typeof letterId === "string" ? Prisma.sql`${letterId}::uuid` : letterId;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Letter" AS l WHERE l.id = ${id} AND l.status = 'OPEN' AND (l."closesAt" IS NULL OR l."closesAt" > ${now}))`;
}

/** isPublic as a SQL condition on a letter row (`alias`.status), with the enum's own type so an index on it serves. */
export function isPublicSql(alias: string): Prisma.Sql {
  const statuses = PUBLISHED_STATUSES.map((status) => Prisma.sql`${status}::"LetterStatus"`);
  return Prisma.sql`${Prisma.raw(`"${alias.replaceAll('"', "")}"`)}.status IN (${Prisma.join(statuses)})`;
}
