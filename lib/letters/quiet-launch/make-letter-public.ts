import { z } from "zod";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { makePublicByHand } from "./go-public";

/**
 * "Make public now": an unlisted, published letter joins the home page, search, sitemap and
 * feeds, and loses its noindex. Pressing twice, or at the moment its threshold is reached, makes
 * it public once (see makePublicByHand). An owner's decision, like publishing.
 */
export const makeLetterPublic = defineLetterAction({
  name: "makeLetterPublic",
  requires: "OWNER",
  input: z.object({}),
  async run({ db, now, actor, letter }) {
    await db.$transaction(async (tx) => {
      if (await makePublicByHand(tx, { letterId: letter.id, actorId: actor.userId, now })) return;
      const current = await tx.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { status: true, listed: true } });
      throw new AppError("INVALID_TRANSITION", {
        message: current.listed
          ? "The letter is public already."
          : "Publish the letter first. To have it listed from the start, choose Listed before publishing.",
      });
    });
  },
});
