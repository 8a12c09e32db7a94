import { describe, expect, it } from "vitest";
import { createNonceSubstitution, freshNonce, placeholderNonce } from "./script-nonces";

const PLACEHOLDER = placeholderNonce("a secret of the server");
const NONCE = freshNonce();
const PAGE = `<html><script nonce="${PLACEHOLDER}">a()</script><p>${PLACEHOLDER.slice(0, 5)}</p><script nonce="${PLACEHOLDER}" src="/x.js"></script></html>`;
const EXPECTED = PAGE.replaceAll(PLACEHOLDER, NONCE);

/** Runs `text` through a substitution in the given pieces and joins what comes out. */
function substitute(pieces: string[]): { output: string; emitted: string[] } {
  const substitution = createNonceSubstitution(PLACEHOLDER, NONCE);
  const emitted = pieces.map((piece) => substitution.push(Buffer.from(piece)).toString());
  return { output: emitted.join("") + substitution.flush().toString(), emitted };
}

describe("script nonces", () => {
  it("derive one secret placeholder per auth secret, and a fresh nonce of the same length each time", () => {
    expect(placeholderNonce("a secret of the server")).toBe(PLACEHOLDER);
    expect(placeholderNonce("another secret")).not.toBe(PLACEHOLDER);
    expect(placeholderNonce(undefined)).not.toBe(placeholderNonce(undefined));
    expect(NONCE).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(PLACEHOLDER).toHaveLength(NONCE.length);
    expect(freshNonce()).not.toBe(NONCE);
  });

  it("replace every placeholder however the page is split into chunks", () => {
    for (let first = 0; first <= PAGE.length; first++) {
      for (const second of [first, first + 1, first + 7, first + 21, first + 40]) {
        const pieces = [PAGE.slice(0, first), PAGE.slice(first, Math.min(second, PAGE.length)), PAGE.slice(Math.min(second, PAGE.length))];
        expect(substitute(pieces).output).toBe(EXPECTED);
      }
    }
    expect(substitute([...PAGE]).output).toBe(EXPECTED);
  });

  it("hold back only a tail that could be the start of a placeholder", () => {
    const { emitted } = substitute(["<p>no nonce here</p>", `<script nonce="${PLACEHOLDER.slice(0, 9)}`, `${PLACEHOLDER.slice(9)}">`]);
    expect(emitted).toEqual(["<p>no nonce here</p>", '<script nonce="', `${NONCE}">`]);
  });

  it("never write into the caller's buffer", () => {
    const chunk = Buffer.from(PAGE);
    createNonceSubstitution(PLACEHOLDER, NONCE).push(chunk);
    expect(chunk.toString()).toBe(PAGE);
  });

  it("refuse a nonce whose length differs from the placeholder's, which would falsify Content-Length", () => {
    expect(() => createNonceSubstitution(PLACEHOLDER, `${NONCE}x`)).toThrow(/same length/);
  });
});
