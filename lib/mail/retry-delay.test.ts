import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles from 10 seconds and stops at 15 minutes", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 7, 8, 50, 10_000].map((attempts) => retryDelayMs(attempts, middle))).toEqual([
      10_000, 20_000, 40_000, 80_000, 640_000, 900_000, 900_000, 900_000,
    ]);
  });

  it("jitters by at most a fifth either way, and never past the cap", () => {
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBeLessThanOrEqual(12_000);
    expect(retryDelayMs(20, () => 0.999_999)).toBe(900_000);
    expect(retryDelayMs(20, () => 0)).toBe(720_000);
  });
});
