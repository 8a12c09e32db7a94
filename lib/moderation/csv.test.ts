import { describe, expect, it } from "vitest";
import { CSV_FORMULA_PAYLOADS, XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { csvCell, csvRows } from "./csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles inner quotes", () => {
    expect(csvCell("Jane Doe")).toBe('"Jane Doe"');
    expect(csvCell('Jane "JD" Doe')).toBe('"Jane ""JD"" Doe"');
    expect(csvCell("a,b\r\nc")).toBe('"a,b\r\nc"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(12)).toBe('"12"');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1-555-0100", `"'+1-555-0100"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
  ])("makes %j inert by prefixing a quote", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(CSV_FORMULA_PAYLOADS)("opens the corpus's formula %j as text", (payload) => {
    expect(csvCell(payload)).toBe(`"'${payload.replaceAll('"', '""')}"`);
  });

  it.each(XSS_TEXT_PAYLOADS)("keeps %j whole in one quoted cell", (payload) => {
    const cell = csvCell(payload);
    expect(cell).toMatch(/^"[^"]*(""[^"]*)*"$/);
    expect(
      cell
        .slice(1, -1)
        .replaceAll('""', '"')
        .replace(/^'(?=[=+\-@\t\r])/, ""),
    ).toBe(payload);
  });

  it("leaves ordinary text alone, even with formula characters inside it", () => {
    expect(csvCell("Mary-Jane O'Neil = great")).toBe(`"Mary-Jane O'Neil = great"`);
    expect(csvCell(" =1")).toBe('" =1"');
  });

  it("joins rows with CRLF, ending with one", () => {
    expect(
      csvRows([
        ["a", "b"],
        ["c", null],
      ]),
    ).toBe('"a","b"\r\n"c",""\r\n');
  });
});
