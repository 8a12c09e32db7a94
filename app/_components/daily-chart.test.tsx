import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chartDays, DailyChart } from "./daily-chart";

const today = new Date("2026-11-29T15:00:00Z");

describe("chartDays", () => {
  it("fills the days nobody signed with zeros, up to today", () => {
    const days = chartDays(
      [
        { day: "2026-11-20", total: 3 },
        { day: "2026-11-27", total: 5 },
      ],
      today,
    );
    expect(days[0]).toEqual({ day: "2026-11-20", total: 3 });
    expect(days.at(-1)).toEqual({ day: "2026-11-29", total: 0 });
    expect(days).toHaveLength(10);
    expect(days.find((d) => d.day === "2026-11-27")?.total).toBe(5);
  });

  it("shows at least a week, and at most maxDays", () => {
    expect(chartDays([], today)).toHaveLength(7);
    expect(chartDays([{ day: "2026-11-29", total: 1 }], today)).toHaveLength(7);
    expect(chartDays([{ day: "2025-01-01", total: 1 }], today, 30)).toHaveLength(30);
  });
});

describe("DailyChart", () => {
  it("draws one bar per day with signatures, the tallest for the busiest day, and says so in words", () => {
    const html = renderToStaticMarkup(
      <DailyChart
        daily={[
          { day: "2026-11-27", total: 2 },
          { day: "2026-11-28", total: 8 },
        ]}
        today={today}
      />,
    );
    const heights = [...html.matchAll(/<rect[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]).toBeGreaterThan(heights[0]! * 3.9);
    expect(html).toContain("10 signatures confirmed between 23 Nov and 29 Nov; the busiest day was 28 Nov with 8.");
    expect(html).toContain('role="img"');
  });
});
