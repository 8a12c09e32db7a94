import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { ZLetterDraft } from "./letter-input";
import { claimLetterVersion, withLetterVersion } from "./letter-version";
import { isEditable } from "./lifecycle";
import { lockLetterStatus } from "./transition-letter";

/**
 * Saves the editor's whole draft: fields, demands in their new order (kept demands keep their
 * ids, so their statuses and history follow them), and domain rules. Only a draft: once a letter
 * is in review or public, people have read or signed those words.
 */
export const saveDraft = defineLetterAction({
  name: "saveDraft",
  requires: "EDITOR",
  input: withLetterVersion(ZLetterDraft),
  async run({ db, now, actor, letter }, { version, ...draft }) {
    const { demands, domains, ...fields } = draft;
    let saved = version;
    try {
      await db.$transaction(async (tx) => {
        // Locked, then checked: a publish racing this save must not open a letter mid-edit.
        const status = await lockLetterStatus(tx, letter.id);
        if (!status || !isEditable(status)) {
          throw new AppError("INVALID_TRANSITION", { message: "Only a draft can be edited. Take it back from review first." });
        }
        saved = await claimLetterVersion(tx, letter.id, version);
        const keptIds = demands.flatMap((demand) => (demand.id ? [demand.id] : []));
        await tx.demand.deleteMany({ where: { letterId: letter.id, id: { notIn: keptIds } } });
        for (const [position, demand] of demands.entries()) {
          if (demand.id) {
            const updated = await tx.demand.updateMany({ where: { id: demand.id, letterId: letter.id }, data: { position, text: demand.text } });
            if (updated.count === 1) continue;
          }
          await tx.demand.create({ data: { letterId: letter.id, position, text: demand.text } });
        }
        await tx.domainRule.deleteMany({ where: { letterId: letter.id } });
        await tx.domainRule.createMany({ data: domains.map((rule) => ({ letterId: letter.id, ...rule })) });
        await tx.letter.update({ where: { id: letter.id }, data: { ...fields, reviewNote: undefined } });
        await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.edited", at: now });
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("INVALID_INPUT", { fields: { slug: ["Another letter already uses this address. Choose another."] } });
      }
      throw error;
    }
    return { slug: draft.slug, version: saved };
  },
});
