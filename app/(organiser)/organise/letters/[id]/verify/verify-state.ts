import type { TActionState } from "@/lib/errors/action-state";
import type { TOrganiserClaimRow } from "@/lib/moderation/find-organiser-claim";

/** A claim as the page shows it: the row, without its ids, its times as text (it crosses to the client). */
export type TClaimView = Omit<TOrganiserClaimRow, "tokenId" | "signatureId" | "submittedAt" | "expiresAt"> & { submittedAt: string; expiresAt: string };

export type TVerifiedView = { displayName: string; anonymous: boolean; domain: string; confirmedAt: string };

export type TLookupState = TActionState | { status: "claim"; claim: TClaimView; recentlyVerified: TVerifiedView[] };
