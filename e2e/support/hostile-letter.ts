import { randomBytes } from "node:crypto";
import { recordActivity } from "@/lib/activity/record-activity";
import type { StatusUpdateKind } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { createLetter } from "@/tests/support/factories";
import { createSignatureRow } from "@/tests/support/moderation";
import { hostileMarkdownBody, XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { organiserAddress } from "./organiser-session";

// The corpus, spread over the fields so that each payload lands in several: `at(i)` wraps.
const at = (index: number) => XSS_TEXT_PAYLOADS[index % XSS_TEXT_PAYLOADS.length]!;
const UPDATE_KINDS: StatusUpdateKind[] = ["DELIVERED", "RESPONSE", "NOTE", "VICTORY", "DEMAND_CHANGE"];

/** A title that breaks out of <title>, an attribute and a script at once, and is the letter's own. */
const hostileTitle = (label: string) =>
  `</title><script>window.__xss=1</script> "><img src=x onerror=alert(1)> &lt;b&gt; ${label}-${randomBytes(3).toString("hex")}`;
const HOSTILE_ADDRESSEE = "<svg onload=window.__xss=1> ' onmouseover='window.__xss=1' x=' \u2028</script><script>window.__xss=1//";

/**
 * A published letter whose every writable field carries the XSS corpus, organised by a new owner
 * with a pending editor invitation. Written directly: the point is what pages do with hostile
 * data already stored, whatever validation it got past (or a future one misses).
 */
export async function seedHostileLetter(db: TDb) {
  const letter = await createLetter(db, {
    title: hostileTitle("open"),
    addressee: HOSTILE_ADDRESSEE,
    bodyMarkdown: hostileMarkdownBody(),
    demands: XSS_TEXT_PAYLOADS.slice(0, 20).map((text) => ({ text })),
    statusUpdates: XSS_TEXT_PAYLOADS.slice(20, 30).map((body, index) => ({
      kind: UPDATE_KINDS[index % UPDATE_KINDS.length]!,
      body,
      occurredAt: new Date(Date.now() - index * 60_000),
    })),
    total: 0,
  });
  await db.letter.update({ where: { id: letter.id }, data: { collectJobTitle: true, collectTeam: true, discreetEmails: false } });

  // One confirmed signer per payload as its name, the next ones as job title, team and comment;
  // every fifth anonymous, so the public pages show both kinds. Written in one statement (and
  // left out of the total, which no check here reads).
  const signatures = await db.signature.createManyAndReturn({
    data: XSS_TEXT_PAYLOADS.map((name, index) => {
      const signedAt = new Date(Date.now() - index * 1000);
      return {
        letterId: letter.id,
        emailKey: randomBytes(16).toString("hex"),
        domain: "example.com",
        displayName: name,
        showName: index % 5 !== 4,
        jobTitle: at(index + 1),
        team: at(index + 2),
        comment: at(index + 3),
        state: "CONFIRMED" as const,
        createdAt: signedAt,
        confirmedAt: signedAt,
      };
    }),
  });
  const invalidationReason = at(5);
  await createSignatureRow(db, letter.id, { name: at(6), state: "INVALIDATED", confirmedAt: null, invalidationReason });

  const ownerEmail = organiserAddress("hostile-owner");
  const owner = await db.user.create({ data: { email: ownerEmail }, select: { id: true } });
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId: owner.id, role: "OWNER" } });
  // The most an address can carry past the email check: an apostrophe, to break a quoted attribute.
  const invitedEmail = `o'hara-${randomBytes(3).toString("hex")}@organisers.example`;
  await db.organiserInvitation.create({
    data: { letterId: letter.id, email: invitedEmail, invitedById: owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const activityReasons = [at(7), at(8)];
  await recordActivity(db, {
    letterId: letter.id,
    actorId: owner.id,
    action: "signature.invalidated",
    detail: { domain: "example.com", reason: activityReasons[0]! },
    at: new Date(),
  });
  await recordActivity(db, {
    letterId: letter.id,
    actorId: owner.id,
    action: "signatures.bulk-invalidated",
    detail: { total: 2, filter: { source: "deadbeef" }, reason: activityReasons[1]! },
    at: new Date(),
  });
  await recordActivity(db, { letterId: letter.id, actorId: owner.id, action: "editor.invited", detail: { email: invitedEmail }, at: new Date() });

  // Links as the signers' emails carry them: one to confirm a named pending signature, one to withdraw.
  const pending = await createSignatureRow(db, letter.id, { name: at(0), jobTitle: at(1), team: at(2), state: "PENDING" });
  const confirmToken = await issueSignatureToken(db, pending.id, "CONFIRM", new Date());
  const withdrawToken = await issueSignatureToken(db, signatures[0]!.id, "WITHDRAW", new Date());

  return {
    letter,
    signatures,
    pending,
    invalidationReason,
    activityReasons,
    owner: { email: ownerEmail, id: owner.id },
    invitedEmail,
    confirmPath: `/confirm/${confirmToken}`,
    withdrawPath: `/withdraw/${withdrawToken}`,
  };
}

export type THostileLetter = Awaited<ReturnType<typeof seedHostileLetter>>;

/** Two more letters of `ownerId`: a draft sent back by review with a hostile reason, and one waiting in the review queue. */
export async function seedHostileLettersInReview(db: TDb, ownerId: string) {
  const rejected = await createLetter(db, { title: hostileTitle("draft"), addressee: HOSTILE_ADDRESSEE, bodyMarkdown: hostileMarkdownBody(), status: "DRAFT" });
  const reviewNote = at(3);
  await db.letter.update({ where: { id: rejected.id }, data: { reviewNote } });
  await db.letterOrganiser.create({ data: { letterId: rejected.id, userId: ownerId, role: "OWNER" } });
  const inReview = await createLetter(db, { title: hostileTitle("review"), addressee: HOSTILE_ADDRESSEE, status: "IN_REVIEW", publishedAt: null });
  await db.letter.update({ where: { id: inReview.id }, data: { reviewRequestedAt: new Date() } });
  await db.letterOrganiser.create({ data: { letterId: inReview.id, userId: ownerId, role: "OWNER" } });

  return { rejected: { ...rejected, reviewNote }, inReview };
}

/** What each public signature shows: a named signer's name, title, team and comment. */
export const publicSignerTexts = (seeded: THostileLetter) =>
  seeded.signatures
    .filter((signature) => signature.showName)
    .flatMap((signature) => [signature.displayName, signature.jobTitle!, signature.team!, signature.comment!]);
