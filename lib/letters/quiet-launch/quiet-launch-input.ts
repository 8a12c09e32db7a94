import { z } from "zod";
import { formatCount } from "@/lib/wording/format";

/** The largest threshold a letter may wait for: far above any letter's support, far below overflow. */
export const MAX_LIST_AT_SIGNATURES = 1_000_000;

const ZListAtSignatures = z.preprocess(
  (value) => (value === "" || value === undefined ? null : typeof value === "string" ? value.trim() : value),
  z.coerce
    .number({ error: "Enter a number of verified signatures, or leave it empty to make the letter public by hand." })
    .int("Use a whole number of signatures.")
    .min(1, "Use at least 1 signature, or leave it empty to make the letter public by hand.")
    .max(MAX_LIST_AT_SIGNATURES, `Use at most ${formatCount(MAX_LIST_AT_SIGNATURES)} signatures.`)
    .nullable(),
);

/**
 * The quiet-launch setting as the organiser's form sends it: listed (the default), or unlisted
 * until made public by hand, or automatically at `listAtSignatures` verified signatures. A
 * listed letter waits for nothing, so its threshold is dropped.
 */
export const ZQuietLaunch = z
  .object({
    visibility: z.enum(["listed", "unlisted"], { error: "Choose whether the letter is listed or unlisted." }),
    listAtSignatures: ZListAtSignatures.default(null),
  })
  .transform(({ visibility, listAtSignatures }) => ({
    listed: visibility === "listed",
    listAtSignatures: visibility === "listed" ? null : listAtSignatures,
  }));

export type TQuietLaunch = z.output<typeof ZQuietLaunch>;
