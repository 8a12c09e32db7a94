// Feeds and calendars are cached and shared like the pages, so they read the same for everyone:
// one locale, UTC, as on the letter page.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "15 July 2026". */
export const formatDay = (at: Date) => dayFormat.format(at);
