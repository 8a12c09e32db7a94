import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import type { DemandStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { LETTER_LIMITS } from "./letter-limits";
import { claimLetterVersion, ZLetterVersion } from "./letter-version";
import { isPublic } from "./lifecycle";

export const ZDemandStatusInput = z.object({
  demandId: z.uuid(),
  status: z.enum(["OPEN", "PARTLY_MET", "MET", "REFUSED"]),
  note: z.string().trim().max(LETTER_LIMITS.statusBody).optional().default(""),
  version: ZLetterVersion,
});

const VERDICT: Record<DemandStatus, string> = {
  OPEN: "is open again",
  PARTLY_MET: "was partly met",
  MET: "was met",
  REFUSED: "was refused",
};

/** Sets one demand's status, shown beside it publicly, and records the change on the timeline. */
export const setDemandStatus = defineLetterAction({
  name: "setDemandStatus",
  requires: "EDITOR",
  input: ZDemandStatusInput,
  async run({ db, now, actor, letter }, { demandId, status, note, version }) {
    if (!isPublic(letter.status)) throw new AppError("INVALID_TRANSITION", { message: "Publish the letter before reporting on its demands." });
    return db.$transaction(async (tx) => {
      const demand = await tx.demand.findFirst({ where: { id: demandId, letterId: letter.id }, select: { text: true, status: true, position: true } });
      if (!demand) throw new AppError("INVALID_INPUT", { fields: { demandId: ["That demand is not part of this letter."] } });
      // Checked even when nothing would change: "Open" chosen on a page that still showed it
      // open is not a decision about the status a co-organiser has set since.
      const saved = await claimLetterVersion(tx, letter.id, version);
      if (demand.status === status) return { version: saved };
      await tx.demand.update({ where: { id: demandId }, data: { status } });
      const headline = `Demand ${demand.position + 1} ${VERDICT[status]}: “${demand.text}”`;
      await tx.statusUpdate.create({
        data: {
          letterId: letter.id,
          kind: "DEMAND_CHANGE",
          demandId,
          body: note ? `${headline}\n\n${note}` : headline,
          occurredAt: now,
          authorId: actor.userId,
        },
      });
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "demand.status-changed",
        detail: { demand: demand.position + 1, from: demand.status, to: status },
        at: now,
      });
      return { version: saved };
    });
  },
});
