import type { LetterStatus } from "@/lib/db/generated/enums";

const LABELS: Record<LetterStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  OPEN: "Open for signatures",
  CLOSED: "Closed",
};

export function LetterStatusBadge({ status }: { status: LetterStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{LABELS[status]}</span>;
}
