"use client";

/** The browser's print dialog, which also saves as PDF. Without JavaScript, Ctrl+P does the same. */
export function PrintButton() {
  return (
    <button type="button" className="button-secondary" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
