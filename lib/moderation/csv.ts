// Cells a spreadsheet would evaluate as a formula (or, with tab and CR, that some programs
// split into cells and then evaluate) when an organiser opens the export: `=HYPERLINK(...)` in
// a signer's name must stay text. OWASP's CSV injection guidance: prefix with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formulas, always quoted, inner quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${inert.replaceAll('"', '""')}"`;
}

/** Rows as RFC 4180 CSV (CRLF line ends). */
export function csvRows(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = "\uFEFF";
