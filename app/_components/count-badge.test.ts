import { describe, expect, it } from "vitest";
import { renderCountBadge } from "./count-badge";

describe("renderCountBadge", () => {
  it("shows the formatted total and says it in its title", () => {
    const svg = renderCountBadge(1234);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">1,234</text>");
    expect(svg).toContain("<title>1,234 verified signatures</title>");
  });

  it("grows with the figure, so large totals are not clipped", () => {
    const width = (svg: string) => Number(svg.match(/width="(\d+)"/)?.[1]);
    expect(width(renderCountBadge(1_234_567))).toBeGreaterThan(width(renderCountBadge(7)));
  });

  it("escapes its label", () => {
    expect(renderCountBadge(1, "<script>")).not.toContain("<script>");
  });
});
