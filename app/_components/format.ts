// Server-rendered pages format in one fixed locale and time zone so that the same letter reads
// the same for every visitor and every cache.
const numberFormat = new Intl.NumberFormat("en-GB");
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatCount = (value: number) => numberFormat.format(value);
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatDate = (value: Date) => dateFormat.format(value);
export const formatDateTime = (value: Date) => dateTimeFormat.format(value);
