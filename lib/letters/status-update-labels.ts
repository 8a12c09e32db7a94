import type { StatusUpdateKind } from "@/lib/db/generated/enums";

/** What each kind of update is called publicly: on the timeline, in the feed and the calendar. */
export const STATUS_UPDATE_LABELS: Record<StatusUpdateKind, string> = {
  PUBLISHED: "Published",
  DELIVERED: "Delivered",
  RESPONSE: "Response",
  DEMAND_CHANGE: "Demand update",
  VICTORY: "Victory",
  NOTE: "Update",
  MADE_PUBLIC: "Made public",
};
