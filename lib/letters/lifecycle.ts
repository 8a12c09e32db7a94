import type { LetterStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

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

/** Whether organisers can post status updates and set demand statuses: once it is public. */
export function isPublic(status: LetterStatus): boolean {
  return status === "OPEN" || status === "CLOSED";
}
