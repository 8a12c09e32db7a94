import { z } from "zod";
import { normaliseDomain } from "@/lib/letters/domain-policy";
import { Prisma } from "@/lib/db/prisma";
import { sourceLabelSql, ZSourceLabel } from "./source-label";

// Forms send "" for a field left empty; an empty field is no filter, not an invalid one.
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// A datetime-local field has no zone; organiser pages label these times UTC, so they are read
// as UTC whatever the server's own zone is.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const ZUtcDateTime = z
  .string()
  .trim()
  .transform((value, context) => {
    const date = new Date(LOCAL_DATE_TIME.test(value) ? `${value}Z` : value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "Enter a date and time." });
      return z.NEVER;
    }
    return date;
  });

const ZFilterDomain = z.string().transform((value, context) => {
  const domain = normaliseDomain(value);
  if (!domain) {
    context.addIssue({ code: "custom", message: "Enter a domain, like example.com." });
    return z.NEVER;
  }
  return domain;
});

/**
 * Which signatures a bulk invalidation concerns: any combination of a domain (exact), a window
 * of submission times (from inclusive, to exclusive) and a source label, of which at least one
 * must be given: "everything" is not a filter anyone should be one click away from.
 */
export const ZSignatureFilter = z
  .object({
    domain: z.preprocess(blankAsUndefined, ZFilterDomain.optional()),
    from: z.preprocess(blankAsUndefined, ZUtcDateTime.optional()),
    to: z.preprocess(blankAsUndefined, ZUtcDateTime.optional()),
    source: z.preprocess(blankAsUndefined, ZSourceLabel.optional()),
  })
  .refine((filter) => filter.domain || filter.from || filter.to || filter.source, {
    message: "Choose a domain, a time window or a source.",
    path: ["form"],
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, { message: "The end must be after the start.", path: ["to"] });

export type TSignatureFilter = z.output<typeof ZSignatureFilter>;

/** The filter as plain strings, for links and hidden form fields that carry it to the next step. */
export function filterParams(filter: TSignatureFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.domain) params.domain = filter.domain;
  if (filter.from) params.from = filter.from.toISOString();
  if (filter.to) params.to = filter.to.toISOString();
  if (filter.source) params.source = filter.source;
  return params;
}

/**
 * The WHERE clause (on table alias `s`) of everything a bulk invalidation may touch: the
 * letter's pending and confirmed signatures matching the filter. Preview and run share it, so
 * they cannot disagree about what matches.
 */
export function bulkTargetSql(letterId: string, filter: TSignatureFilter): Prisma.Sql {
  const conditions = [
    Prisma.sql`s."letterId" = ${letterId}::uuid`,
    Prisma.sql`s.state IN ('PENDING', 'CONFIRMED')`,
    ...(filter.domain ? [Prisma.sql`s.domain = ${filter.domain}`] : []),
    ...(filter.from ? [Prisma.sql`s."createdAt" >= ${filter.from}`] : []),
    ...(filter.to ? [Prisma.sql`s."createdAt" < ${filter.to}`] : []),
    ...(filter.source ? [Prisma.sql`s."sourceKey" IS NOT NULL AND ${sourceLabelSql(letterId)} = ${filter.source}`] : []),
  ];
  return Prisma.join(conditions, " AND ");
}
