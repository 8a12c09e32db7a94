import type { Prisma } from "@/lib/db/prisma";
import type { TActivityAction } from "./record-activity";

const ACTIONS: Record<TActivityAction, true> = {
  "letter.created": true,
  "letter.edited": true,
  "letter.submitted-for-review": true,
  "letter.review-withdrawn": true,
  "letter.approved": true,
  "letter.rejected": true,
  "letter.published": true,
  "letter.closed": true,
  "letter.transferred": true,
  "letter.visibility-changed": true,
  "letter.made-public": true,
  "status.posted": true,
  "status.deleted": true,
  "demand.status-changed": true,
  "editor.invited": true,
  "editor.joined": true,
  "editor.removed": true,
  "invitation.revoked": true,
  "signature.name-hidden": true,
  "signature.name-shown": true,
  "signature.comment-hidden": true,
  "signature.comment-shown": true,
  "signature.invalidated": true,
  "signatures.bulk-invalidated": true,
  "signatures.exported": true,
  "organiser-code.looked-up": true,
  "organiser-code.missed": true,
  "signature.organiser-verified": true,
  "signature.organiser-rejected": true,
};

const isAction = (action: string): action is TActivityAction => Object.hasOwn(ACTIONS, action);

function field(detail: Prisma.JsonValue, key: string): string | null {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return null;
  const value = (detail as Prisma.JsonObject)[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function flag(detail: Prisma.JsonValue, key: string): boolean {
  return !!detail && typeof detail === "object" && !Array.isArray(detail) && (detail as Prisma.JsonObject)[key] === true;
}

const plural = (count: string | null, noun: string) => `${count ?? "some"} ${noun}${count === "1" ? "" : "s"}`;

function describeFilter(detail: Prisma.JsonValue): string {
  const filter = detail && typeof detail === "object" && !Array.isArray(detail) ? (detail as Prisma.JsonObject).filter : null;
  const parts: string[] = [];
  const at = (key: string) => field(filter ?? null, key);
  if (at("domain")) parts.push(`at @${at("domain")}`);
  if (at("from")) parts.push(`submitted from ${at("from")}`);
  if (at("to")) parts.push(`submitted before ${at("to")}`);
  if (at("source")) parts.push(`from source ${at("source")}`);
  return parts.join(", ");
}

/**
 * One activity entry as a sentence whose subject is its actor ("hid the name of a signer at
 * @example.com"). Exhaustive over the known actions; an action this code does not know yet
 * (written by a newer version) still reads as something rather than failing the page.
 */
export function describeActivity(action: string, detail: Prisma.JsonValue): string {
  if (!isAction(action)) return `did something (${action})`;
  const domain = field(detail, "domain");
  const signer = `a signer at @${domain ?? "an unknown domain"}`;
  const reason = field(detail, "reason");
  const because = reason ? ` — reason: “${reason}”` : "";
  switch (action) {
    case "letter.created":
      return "started the letter";
    case "letter.edited":
      return "edited the letter";
    case "letter.submitted-for-review":
      return "submitted the letter for review";
    case "letter.review-withdrawn":
      return "withdrew the letter from review";
    case "letter.approved":
      return "approved the letter";
    case "letter.rejected":
      return `sent the letter back from review${because}`;
    case "letter.published":
      return "published the letter";
    case "letter.closed":
      return detail && typeof detail === "object" && !Array.isArray(detail) && detail.automatic === true
        ? "closed the letter at its closing date"
        : "closed the letter";
    case "letter.transferred":
      return `made ${field(detail, "to") ?? "another organiser"} the owner`;
    case "letter.visibility-changed": {
      if (flag(detail, "listed")) return "made the letter listed";
      const at = field(detail, "listAtSignatures");
      return at ? `made the letter unlisted until it has ${plural(at, "verified signature")}` : "made the letter unlisted until it is made public by hand";
    }
    case "letter.made-public":
      return field(detail, "by") === "threshold"
        ? `made the letter public on reaching ${plural(field(detail, "listAtSignatures"), "verified signature")}`
        : "made the letter public";
    case "status.posted":
      return `posted a status update${field(detail, "kind") ? ` (${field(detail, "kind")?.toLowerCase()})` : ""}`;
    case "status.deleted":
      return "removed a status update";
    case "demand.status-changed":
      return field(detail, "demand") && field(detail, "to")
        ? `marked demand ${field(detail, "demand")} as ${field(detail, "to")?.toLowerCase().replace("_", " ")}`
        : "changed the status of a demand";
    case "editor.invited":
      return `invited ${field(detail, "email") ?? "an organiser"} to edit`;
    case "editor.joined":
      return "joined as an organiser";
    case "editor.removed":
      return `removed ${field(detail, "email") ?? "an organiser"}`;
    case "invitation.revoked":
      return `withdrew the invitation to ${field(detail, "email") ?? "an organiser"}`;
    case "signature.name-hidden":
      return `hid the name of ${signer}`;
    case "signature.name-shown":
      return `showed the name of ${signer} again`;
    case "signature.comment-hidden":
      return `hid the comment of ${signer}`;
    case "signature.comment-shown":
      return `showed the comment of ${signer} again`;
    case "signature.invalidated":
      return `invalidated the signature of ${signer}${because}`;
    case "signatures.bulk-invalidated": {
      const filter = describeFilter(detail);
      return `invalidated ${plural(field(detail, "total"), "signature")}${filter ? ` ${filter}` : ""}${because}`;
    }
    case "signatures.exported":
      return `exported the signatures (${plural(field(detail, "named"), "named signer")}, ${field(detail, "anonymous") ?? "some"} anonymous)`;
    case "organiser-code.looked-up":
      return `looked up the verification code of ${signer}`;
    case "organiser-code.missed":
      return "entered a verification code that matches no claim on this letter";
    case "signature.organiser-verified":
      return `verified the signature of ${signer} by its code (verified by organisers)`;
    case "signature.organiser-rejected":
      return `rejected the verification code of ${signer}${because}`;
    default: {
      const unreachable: never = action;
      return `did something (${String(unreachable)})`;
    }
  }
}
