import { z } from "zod";
import { recordActivity, type TActivityAction } from "@/lib/activity/record-activity";
import { defineLetterAction, type TLetterActionContext } from "@/lib/auth/organiser-action";
import { recordNamedShift } from "@/lib/counts/named-counts";
import { signatureNotOnLetter, ZSignatureId } from "./signature-ref";

// Forms send the wanted state as "true"/"false".
const ZHidden = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

export const ZSignatureVisibility = z.object({ signatureId: ZSignatureId, hidden: ZHidden });

export type TVisibilityOutcome = { changed: boolean; hidden: boolean };

type TPart = { flag: "nameHidden" | "commentHidden"; hiddenAction: TActivityAction; shownAction: TActivityAction };

/**
 * Hides or shows again one public part of a signature. The signature keeps counting either
 * way: hiding is about what the public list shows, not about whether the person signed (a
 * hidden name moves it from the named to the anonymous signers of the delivered letter).
 * Setting the state it already has changes nothing and records nothing.
 */
async function setVisibility(
  { db, now, actor, letter }: TLetterActionContext,
  part: TPart,
  input: z.output<typeof ZSignatureVisibility>,
): Promise<TVisibilityOutcome> {
  return db.$transaction(async (tx) => {
    // Locked: the named count's shift is taken from how this read finds the row (named-counts.ts).
    const [signature] = await tx.$queryRaw<{ domain: string; showName: boolean; nameHidden: boolean }[]>`
      SELECT domain, "showName", "nameHidden" FROM "Signature" WHERE id = ${input.signatureId}::uuid AND "letterId" = ${letter.id}::uuid FOR UPDATE`;
    if (!signature) throw signatureNotOnLetter();
    const { count } = await tx.signature.updateMany({
      where: { id: input.signatureId, [part.flag]: !input.hidden },
      data: { [part.flag]: input.hidden },
    });
    if (count === 0) return { changed: false, hidden: input.hidden };
    await recordNamedShift(tx, input.signatureId, signature);
    await recordActivity(tx, {
      letterId: letter.id,
      actorId: actor.userId,
      action: input.hidden ? part.hiddenAction : part.shownAction,
      detail: { signatureId: input.signatureId, domain: signature.domain },
      at: now,
    });
    return { changed: true, hidden: input.hidden };
  });
}

/** Day-to-day moderation (an impersonation, an insult in a name): any editor may. */
const visibilityAction = (name: string, part: TPart) =>
  defineLetterAction({ name, requires: "EDITOR", input: ZSignatureVisibility, run: (context, input) => setVisibility(context, part, input) });

export const setSignatureNameHidden = visibilityAction("setSignatureNameHidden", {
  flag: "nameHidden",
  hiddenAction: "signature.name-hidden",
  shownAction: "signature.name-shown",
});

export const setSignatureCommentHidden = visibilityAction("setSignatureCommentHidden", {
  flag: "commentHidden",
  hiddenAction: "signature.comment-hidden",
  shownAction: "signature.comment-shown",
});
