import type { TActionState } from "@/lib/errors/action-state";

export type TClaimView = {
  code: string;
  displayName: string;
  anonymous: boolean;
  jobTitle: string | null;
  team: string | null;
  domain: string;
  submittedAt: string;
  expiresAt: string;
};

export type TVerifiedView = { displayName: string; anonymous: boolean; domain: string; confirmedAt: string };

export type TLookupState = TActionState | { status: "claim"; claim: TClaimView; recentlyVerified: TVerifiedView[] };
