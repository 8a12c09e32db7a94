import type { LetterStatus } from "@/lib/db/generated/enums";

/** Letters visitors may see: drafts and letters awaiting review stay private to organisers. */
export const PUBLISHED_STATUSES = ["OPEN", "CLOSED"] as const satisfies readonly LetterStatus[];
