import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineAccountAction } from "@/lib/auth/organiser-action";
import { LETTER_LIMITS } from "./letter-limits";
import { slugFromTitle } from "./slug";

export const ZNewLetter = z.object({
  title: z.string().trim().min(1, "Give the letter a title.").max(LETTER_LIMITS.title, `The title must be at most ${LETTER_LIMITS.title} characters.`),
});

/**
 * Starts a draft owned by the actor. Nothing about it is public until it is published; its
 * defaults are the careful ones for an employee letter (discreet emails, names optional).
 */
export const createLetter = defineAccountAction({
  name: "createLetter",
  input: ZNewLetter,
  async run({ db, now, actor }, { title }) {
    return db.$transaction(async (tx) => {
      const letter = await tx.letter.create({
        data: {
          title,
          slug: slugFromTitle(title),
          addressee: "",
          bodyMarkdown: "",
          status: "DRAFT",
          discreetEmails: true,
          organisers: { create: { userId: actor.userId, role: "OWNER" } },
          count: { create: {} },
        },
        select: { id: true },
      });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.created", detail: { title }, at: now });
      return letter;
    });
  },
});
