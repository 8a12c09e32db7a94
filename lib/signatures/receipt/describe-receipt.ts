import type { StatusUpdateKind } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";
import type { TAppearance } from "../describe-token-link";
import { findReceipt } from "./find-receipt";

export type TReceiptState = "counted" | "pending" | "withdrawn" | "removed";

export type TReceiptView =
  | { kind: "invalid" }
  | {
      kind: "found";
      letter: { slug: string; title: string; open: boolean };
      state: TReceiptState;
      /** Since when it counts, or since when it ended. */
      since: Date | null;
      /** As the public sees it now: a null name is "Anonymous · verified @domain". */
      appearsAs: TAppearance;
      showName: boolean;
      /** Whether a name may be shown at all: the letter allows names, and moderators did not hide this one. */
      mayShowName: boolean;
      updates: { id: string; kind: StatusUpdateKind; body: string; occurredAt: Date; respondBy: Date | null }[];
    };

const LATEST_UPDATES = 3;

const STATE_OF = { CONFIRMED: "counted", PENDING: "pending", WITHDRAWN: "withdrawn", INVALIDATED: "removed" } as const;

/**
 * What a signer's receipt page shows. Opening it changes nothing (a scanner, a browser's
 * prefetch): every change is a POST from the page.
 */
export async function describeReceipt(db: TDb, rawToken: string): Promise<TReceiptView> {
  const signature = await findReceipt(db, rawToken);
  if (!signature) return { kind: "invalid" };
  const { letter } = signature;
  const named = signature.showName && !signature.nameHidden && signature.state === "CONFIRMED";
  const updates = await db.statusUpdate.findMany({
    where: { letterId: letter.id },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
    take: LATEST_UPDATES,
    select: { id: true, kind: true, body: true, occurredAt: true, respondBy: true },
  });
  const state = STATE_OF[signature.state];
  return {
    kind: "found",
    letter: { slug: letter.slug, title: letter.title, open: letter.status === "OPEN" },
    state,
    since: state === "counted" ? signature.confirmedAt : state === "pending" ? null : signature.endedAt,
    appearsAs: {
      name: named ? signature.displayName : null,
      jobTitle: named ? signature.jobTitle : null,
      team: named ? signature.team : null,
      domain: signature.domain,
    },
    showName: signature.showName,
    mayShowName: letter.allowPublicNames && !signature.nameHidden && signature.displayName !== "",
    updates,
  };
}
