// Organisers in several time zones compare these times with each other and with exports: one
// zone, said out loud.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDateTimeUtc = (at: Date) => `${dateTime.format(at)} UTC`;

/** The value of an <input type="datetime-local"> read as UTC (see lib/moderation/signature-filter.ts). */
export const toDateTimeLocalUtc = (at: Date) => at.toISOString().slice(0, 16);
