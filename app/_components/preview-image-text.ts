// The characters the font bundled with next/og (Geist Regular) can draw, read from its cmap and
// kept to whole scripts: Latin with its European and Vietnamese extensions, Cyrillic, and
// typographic punctuation. For any other character (an emoji, Japanese, Hebrew…) next/og
// fetches an emoji from a CDN or a font from Google Fonts while drawing: a request to a third
// party, chosen by what a letter says, at every render; and where the server cannot reach out,
// an emoji makes the whole image fail.
const DRAWABLE =
  /[\u0020-\u007e\u00a0-\u00ac\u00ae-\u0113\u0116-\u012b\u012e-\u0137\u0139-\u013e\u0141-\u0148\u014a-\u014d\u0150-\u017e\u0400-\u045f\u1ea0-\u1ef9\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac]/;

export const isDrawableInPreview = (character: string) => DRAWABLE.test(character);

/**
 * `text` as the preview image can draw it with its own font: other characters are left out
 * rather than fetched from elsewhere, and any run of white space (line breaks included) is one
 * space.
 */
export function drawableInPreview(text: string): string {
  return Array.from(text.replace(/\s+/g, " "), (character) => (isDrawableInPreview(character) ? character : ""))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
}
