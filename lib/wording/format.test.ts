import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime } from "./format";

describe("formatCount", () => {
  const intl = new Intl.NumberFormat("en-GB");

  it.each([0, 7, 99, 999, 1000, 1234, 12_345, 100_000, 999_999, 1_000_000, 1_234_567, 987_654_321_012, Number.MAX_SAFE_INTEGER, -1, -999, -1000, -1_234_567])(
    "writes %i as Intl.NumberFormat('en-GB') does",
    (value) => {
      expect(formatCount(value)).toBe(intl.format(value));
    },
  );

  it("groups every whole number up to ten million as Intl does", () => {
    // Every length of number and every position of the first comma, not a handful of examples.
    for (let value = 0; value < 10_000_000; value += 997) expect(formatCount(value)).toBe(intl.format(value));
  });

  it.each([1234.5, 0.25, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY])("leaves %d, not a safe whole number, to Intl", (value) => {
    expect(formatCount(value)).toBe(intl.format(value));
  });
});

describe("formatDate and formatDateTime", () => {
  it("write a day in UTC, whatever the machine's time zone", () => {
    const at = new Date("2026-12-03T23:30:00Z");
    expect(formatDate(at)).toBe("3 December 2026");
    expect(formatDateTime(at)).toBe("3 Dec 2026, 23:30 UTC");
  });
});
