import { describe, expect, it } from "vitest";
import { activeMarkupIn, decodeEntities, type TMarkupAllowlist } from "@/tests/support/inert-markup";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { renderCountBadge } from "./count-badge";

// The badge's own elements and attributes: no script, handler or link may be added by its text.
const BADGE_MARKUP: TMarkupAllowlist = {
  tags: ["svg", "title", "lineargradient", "stop", "clippath", "rect", "g", "text"],
  attributes: [
    "xmlns",
    "width",
    "height",
    "role",
    "aria-label",
    "id",
    "x",
    "x2",
    "y",
    "y2",
    "offset",
    "stop-color",
    "stop-opacity",
    "rx",
    "fill",
    "clip-path",
    "text-anchor",
    "font-family",
    "font-size",
    "font-weight",
  ],
};

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

  it.each(XSS_TEXT_PAYLOADS)("keeps the label %j as text, in well-formed XML", (label) => {
    const svg = renderCountBadge(1, label);
    expect(activeMarkupIn(svg, BADGE_MARKUP)).toEqual([]);
    // No CDATA section, entity declaration or raw `&`: the label cannot end or redefine the document.
    expect(svg).not.toMatch(/<!|\]\]>|&(?!#\d+;)/);
    expect(decodeEntities(svg.match(/<title>([^<]*)<\/title>/)![1]!)).toBe(`1 ${label}`);
  });
});
