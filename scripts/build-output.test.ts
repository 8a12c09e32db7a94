import { describe, expect, it } from "vitest";
import { explainBuildLine } from "./build-output";

describe("explainBuildLine", () => {
  it("says a deliberate setting is deliberate instead of crossing it", () => {
    expect(explainBuildLine("  ⨯ isrFlushToDisk")).toBe("  · isrFlushToDisk off on purpose: rendered pages are cached in memory only (next.config.js)");
  });

  it("leaves every other line alone, a real failure included", () => {
    for (const line of ["  ⨯ someOtherFlag", "⨯ Failed to compile", "  ✓ Compiled successfully", ""]) expect(explainBuildLine(line)).toBe(line);
  });
});
