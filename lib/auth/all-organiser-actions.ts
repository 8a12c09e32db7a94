import { closeLetter } from "@/lib/letters/close-letter";
import { createLetter } from "@/lib/letters/create-letter";
import { deleteLetter } from "@/lib/letters/delete-letter";
import { postStatusUpdate } from "@/lib/letters/post-status-update";
import { deleteStatusUpdate } from "@/lib/letters/delete-status-update";
import { publishLetter } from "@/lib/letters/publish-letter";
import { withdrawFromReview } from "@/lib/letters/withdraw-from-review";
import { reviewLetter } from "@/lib/letters/review-letter";
import { saveDraft } from "@/lib/letters/save-draft";
import { setDemandStatus } from "@/lib/letters/set-demand-status";
import { updateOpenLetter } from "@/lib/letters/update-open-letter";
import { makeLetterPublic } from "@/lib/letters/quiet-launch/make-letter-public";
import { setQuietLaunch } from "@/lib/letters/quiet-launch/set-quiet-launch";
import { inviteEditor } from "@/lib/organisers/invite-editor";
import { revokeInvitation } from "@/lib/organisers/revoke-invitation";
import { removeEditor, transferOwnership } from "@/lib/organisers/manage-organisers";
import { bulkInvalidateSignatures } from "@/lib/moderation/bulk-invalidate-signatures";
import { exportSignatures } from "@/lib/moderation/export-signatures";
import { rejectOrganiserCode, verifyOrganiserCode } from "@/lib/moderation/decide-organiser-code";
import { lookUpOrganiserCode } from "@/lib/moderation/look-up-organiser-code";
import { invalidateSignature } from "@/lib/moderation/invalidate-signature";
import { setSignatureCommentHidden, setSignatureNameHidden } from "@/lib/moderation/set-signature-visibility";
import type { TAccountAction, TLetterAction } from "./organiser-action";

/**
 * Every organiser action there is. The authorisation test walks this list and proves each one
 * refuses a signed-out visitor and a signed-in stranger; a static test proves every server
 * action under app/(organiser) runs through runLetterAction/runAccountAction, so a new action
 * cannot skip its check without failing the suite. Kept by hand, but checked against the code:
 * all-organiser-actions.test.ts finds every action defined under lib/ and fails on one missing.
 */
// Heterogeneous by design: each action validates its own input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const LETTER_ACTIONS: TLetterAction<any, any>[] = [
  saveDraft,
  updateOpenLetter,
  publishLetter,
  withdrawFromReview,
  reviewLetter,
  closeLetter,
  postStatusUpdate,
  deleteStatusUpdate,
  setDemandStatus,
  inviteEditor,
  revokeInvitation,
  removeEditor,
  transferOwnership,
  deleteLetter,
  // Quiet launch
  setQuietLaunch,
  makeLetterPublic,
  // Moderation and export
  setSignatureNameHidden,
  setSignatureCommentHidden,
  invalidateSignature,
  bulkInvalidateSignatures,
  exportSignatures,
  // Signers verified by organisers
  lookUpOrganiserCode,
  verifyOrganiserCode,
  rejectOrganiserCode,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ACCOUNT_ACTIONS: TAccountAction<any, any>[] = [createLetter];
