import { bulkInvalidateSignatures } from "@/lib/moderation/bulk-invalidate-signatures";
import { exportSignatures } from "@/lib/moderation/export-signatures";
import { invalidateSignature } from "@/lib/moderation/invalidate-signature";
import { setSignatureCommentHidden, setSignatureNameHidden } from "@/lib/moderation/set-signature-visibility";
import type { TAccountAction, TLetterAction } from "./organiser-action";

/**
 * Every organiser action there is. The authorisation test walks this list and proves each one
 * refuses a signed-out visitor and a signed-in stranger; a static test proves every server
 * action under app/(organiser) runs through runLetterAction/runAccountAction, so a new action
 * cannot skip its check without failing the suite.
 */
// Heterogeneous by design: each action validates its own input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const LETTER_ACTIONS: TLetterAction<any, any>[] = [
  // Moderation and export
  setSignatureNameHidden,
  setSignatureCommentHidden,
  invalidateSignature,
  bulkInvalidateSignatures,
  exportSignatures,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ACCOUNT_ACTIONS: TAccountAction<any, any>[] = [];
