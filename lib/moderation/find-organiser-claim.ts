import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import type { TLetterActionContext, TOrganiserCodeChecks } from "@/lib/auth/organiser-action";
import type { TDb, Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { formatOrganiserCode, hashOrganiserCode, parseOrganiserCode } from "@/lib/signatures/organiser-code";

export const ZOrganiserCodeField = z.string({ error: "Enter the code." }).max(100, "A code has 15 letters and digits.");

export type TOrganiserClaimRow = {
  tokenId: string;
  signatureId: string;
  code: string;
  displayName: string;
  anonymous: boolean;
  jobTitle: string | null;
  team: string | null;
  domain: string;
  submittedAt: Date;
  expiresAt: Date;
};

// One answer for "no such code" and "a code of another letter": a wrong code reveals nothing.
const noSuchCode = () =>
  new AppError("TOKEN_INVALID", { message: "No claim on this letter matches this code.", fields: { code: ["No claim on this letter matches this code."] } });

export function requireCodeChecks(checks: TOrganiserCodeChecks | undefined): TOrganiserCodeChecks {
  // Wiring, not input: fail closed rather than look codes up without a guess limit.
  if (!checks) throw new Error("organiser code checks are not configured");
  return checks;
}

/**
 * The pending claim a code names on this letter, for an organiser: the one way any code action
 * reads a code. A malformed or mistyped code is refused before any lookup and costs no guess (the
 * check symbol catches typos); every lookup costs one guess of the actor's and of the letter's
 * allowance. Misses are written to the activity log, so co-organisers can see guessing.
 */
export async function findOrganiserClaim(
  context: Pick<TLetterActionContext, "db" | "now" | "actor" | "letter" | "organiserCodes">,
  tx: Prisma.TransactionClient | TDb,
  rawCode: string,
): Promise<TOrganiserClaimRow> {
  const checks = requireCodeChecks(context.organiserCodes);
  const parsed = parseOrganiserCode(rawCode);
  if (!parsed.ok) {
    const message =
      parsed.problem === "typo"
        ? "This code has a typo: one of its characters is wrong or two are swapped. Check it against the signer's screen."
        : "A code has 15 letters and digits, like 7K2QD-M9XRT-4WZC8.";
    throw new AppError("INVALID_INPUT", { message, fields: { code: [message] } });
  }
  const guess = await checks.consumeGuess(context.actor.userId, context.letter.id);
  if (!guess.allowed) {
    throw new AppError("RATE_LIMITED", { message: "Too many codes tried. Please wait before trying another.", retryAfterSeconds: guess.retryAfterSeconds });
  }
  const token = await tx.signatureToken.findUnique({
    where: { tokenHash: hashOrganiserCode(parsed.code, checks.codeKey) },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      signature: {
        select: { id: true, letterId: true, state: true, displayName: true, showName: true, jobTitle: true, team: true, domain: true, createdAt: true },
      },
    },
  });
  if (!token || token.purpose !== "ORGANISER_CODE" || token.signature.letterId !== context.letter.id) {
    await recordActivity(tx, { letterId: context.letter.id, actorId: context.actor.userId, action: "organiser-code.missed", at: context.now });
    throw noSuchCode();
  }
  const { signature } = token;
  if (token.usedAt || signature.state !== "PENDING") {
    throw new AppError("TOKEN_USED", {
      message: "This code has already been used: its claim was verified, rejected or withdrawn.",
      fields: { code: ["This code has already been used."] },
    });
  }
  if (token.expiresAt <= context.now) {
    throw new AppError("TOKEN_EXPIRED", {
      message: "This code has expired (codes work for 14 days). The signer can make a new claim.",
      fields: { code: ["This code has expired."] },
    });
  }
  return {
    tokenId: token.id,
    signatureId: signature.id,
    code: formatOrganiserCode(parsed.code),
    displayName: signature.displayName,
    anonymous: !signature.showName,
    jobTitle: signature.jobTitle,
    team: signature.team,
    domain: signature.domain,
    submittedAt: signature.createdAt,
    expiresAt: token.expiresAt,
  };
}
