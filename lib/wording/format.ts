// Server-rendered pages format in one fixed locale and time zone so that the same letter reads
// the same for every visitor and every cache.
//
// This module also goes to the browser, with the live total, and there the first Intl formatter
// a page constructs loads ICU's locale data: 15 ms of main thread on this machine, 60 ms at
// Lighthouse's 4x phone slowdown, spent while the letter page hydrates (seen in its trace as one
// long task evaluating this module). So nothing is constructed when the module loads, and a
// whole count, the only number a page formats as it starts, is grouped without Intl.

let numberFormat: Intl.NumberFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/**
 * 1234567 → "1,234,567", as `Intl.NumberFormat("en-GB")` writes it (format.test.ts holds the two
 * to the same output): a whole number is grouped in threes here; anything else goes to Intl.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return (numberFormat ??= new Intl.NumberFormat("en-GB")).format(value);
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

export const formatDate = (value: Date) =>
  (dateFormat ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).format(value);

export const formatDateTime = (value: Date) =>
  (dateTimeFormat ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  })).format(value);
