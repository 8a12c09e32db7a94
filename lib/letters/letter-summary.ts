import type { Prisma } from "@/lib/db/prisma";
import { PUBLISHED_STATUSES } from "./published-statuses";

export type TLetterSummary = {
  id: string;
  slug: string;
  title: string;
  addressee: string;
  status: (typeof PUBLISHED_STATUSES)[number];
  goal: number | null;
  total: number;
  publishedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** When its count last changed: the home page's "recent signing activity". */
  lastSignedAt: Date | null;
};

/** What a list of letters shows of each, selected the same way by every list. */
export const LETTER_SUMMARY_SELECT = {
  id: true,
  slug: true,
  title: true,
  addressee: true,
  status: true,
  goal: true,
  publishedAt: true,
  closedAt: true,
  createdAt: true,
  count: { select: { total: true, updatedAt: true } },
} as const satisfies Prisma.LetterSelect;

type Row = Prisma.LetterGetPayload<{ select: typeof LETTER_SUMMARY_SELECT }>;

export function toLetterSummary({ count, status, ...letter }: Row): TLetterSummary {
  return {
    ...letter,
    status: status === "OPEN" ? "OPEN" : "CLOSED",
    total: count?.total ?? 0,
    lastSignedAt: count && count.total > 0 ? count.updatedAt : null,
  };
}
