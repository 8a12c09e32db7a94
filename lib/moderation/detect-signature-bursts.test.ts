import { describe, expect, it } from "vitest";
import {
  BASELINE_MS,
  BURST_WINDOW_MS,
  burstFilter,
  DOMAIN_BURST,
  isSuddenBurst,
  SOURCE_BURST,
  usualPerHour,
  type TSignatureBurst,
} from "./detect-signature-bursts";

const HOUR_MS = 60 * 60_000;
const day = (recent: number, baseline: number) => ({ recent, baseline, baselineMs: BASELINE_MS });

describe("the sudden-burst rule", () => {
  it("flags a source at its floor when it was quiet, and not one signature below", () => {
    expect(isSuddenBurst(day(SOURCE_BURST.minimum, 0), SOURCE_BURST)).toBe(true);
    expect(isSuddenBurst(day(SOURCE_BURST.minimum - 1, 0), SOURCE_BURST)).toBe(false);
  });

  it("flags 40 signatures from one source that usually sends 0.2 an hour", () => {
    expect(isSuddenBurst(day(40, 5), SOURCE_BURST)).toBe(true);
  });

  it("flags a domain jumping from 2 an hour to 200 in ten minutes", () => {
    expect(isSuddenBurst(day(200, 48), DOMAIN_BURST)).toBe(true);
  });

  it("does not flag a large employer signing at its steady pace, nor at four times it", () => {
    // 300 an hour all day is 50 in every ten minutes.
    const steady = 300 * 24;
    expect(isSuddenBurst(day(50, steady), DOMAIN_BURST)).toBe(false);
    expect(isSuddenBurst(day(4 * 50, steady), DOMAIN_BURST)).toBe(false);
  });

  it("flags at exactly the ratio times the usual count, and not one below", () => {
    // 864 a day is 6 per ten minutes: the ratio of 5 puts the line at 30, above the floor.
    const usual = (864 * BURST_WINDOW_MS) / BASELINE_MS;
    expect(usual).toBe(6);
    expect(isSuddenBurst(day(DOMAIN_BURST.ratio * usual, 864), DOMAIN_BURST)).toBe(true);
    expect(isSuddenBurst(day(DOMAIN_BURST.ratio * usual - 1, 864), DOMAIN_BURST)).toBe(false);
    // 1,440 a day is 10 per ten minutes: the line moves to 50.
    expect(isSuddenBurst(day(49, 1_440), DOMAIN_BURST)).toBe(false);
    expect(isSuddenBurst(day(50, 1_440), DOMAIN_BURST)).toBe(true);
  });

  it("measures a letter opened lately against the hours it has been open, not a whole day", () => {
    const sinceLaunch = { recent: 60, baseline: 120, baselineMs: HOUR_MS };
    expect(usualPerHour(sinceLaunch)).toBe(120);
    expect(isSuddenBurst(sinceLaunch, DOMAIN_BURST)).toBe(false);
    expect(isSuddenBurst({ ...sinceLaunch, baselineMs: BASELINE_MS }, DOMAIN_BURST)).toBe(true);
  });

  it("has only the floor for a letter younger than the window", () => {
    const justOpened = { recent: DOMAIN_BURST.minimum, baseline: 0, baselineMs: 0 };
    expect(usualPerHour(justOpened)).toBe(0);
    expect(isSuddenBurst(justOpened, DOMAIN_BURST)).toBe(true);
    expect(isSuddenBurst({ ...justOpened, recent: DOMAIN_BURST.minimum - 1 }, DOMAIN_BURST)).toBe(false);
  });
});

describe("the filter an alert links to", () => {
  it("selects the burst's source over its window in whole minutes", () => {
    const now = new Date("2026-11-29T10:20:30.500Z");
    const burst: TSignatureBurst = {
      letterId: "00000000-0000-4000-8000-000000000000",
      subject: { kind: "source", label: "0badc0de" },
      recent: 43,
      usualPerHour: 0.2,
      windowStart: new Date(now.getTime() - BURST_WINDOW_MS),
    };
    expect(burstFilter(burst, now)).toEqual({
      source: "0badc0de",
      from: new Date("2026-11-29T10:10:00Z"),
      to: new Date("2026-11-29T10:21:00Z"),
    });
    expect(burstFilter({ ...burst, subject: { kind: "domain", domain: "example.com" } }, now)).toMatchObject({ domain: "example.com" });
  });
});
