import { describe, expect, it } from "vitest";
import { filterParams, ZSignatureFilter } from "./signature-filter";

describe("bulk invalidation filters", () => {
  it("reads a form's zone-less times as UTC and normalises the domain and source", () => {
    const filter = ZSignatureFilter.parse({ domain: " @Example.COM ", from: "2026-11-01T09:30", to: "2026-11-01T10:00:00.000Z", source: "0BADC0DE" });
    expect(filter).toEqual({
      domain: "example.com",
      from: new Date("2026-11-01T09:30:00Z"),
      to: new Date("2026-11-01T10:00:00Z"),
      source: "0badc0de",
    });
    expect(ZSignatureFilter.parse(filterParams(filter))).toEqual(filter);
  });

  it("treats empty fields as no filter, and refuses no filter at all", () => {
    expect(ZSignatureFilter.parse({ domain: "", from: "", to: "", source: "0badc0de" })).toEqual({ source: "0badc0de" });
    const result = ZSignatureFilter.safeParse({ domain: "", from: " ", to: "", source: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["form"]);
  });

  it("refuses a window that ends before it starts, a bad domain and a bad source", () => {
    const result = ZSignatureFilter.safeParse({ from: "2026-11-02T00:00", to: "2026-11-01T00:00" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["to"]);
    expect(ZSignatureFilter.safeParse({ domain: "not a domain" }).success).toBe(false);
    expect(ZSignatureFilter.safeParse({ source: "zzzzzzzz" }).success).toBe(false);
    expect(ZSignatureFilter.safeParse({ from: "yesterday" }).success).toBe(false);
  });
});
