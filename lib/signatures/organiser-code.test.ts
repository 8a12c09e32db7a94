import { describe, expect, it } from "vitest";
import { formatOrganiserCode, generateOrganiserCode, hashOrganiserCode, ORGANISER_CODE_LENGTH, parseOrganiserCode } from "./organiser-code";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("organiser verification codes", () => {
  it("are 15 symbols of Crockford's alphabet that pass their own check, shown in groups of five", () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateOrganiserCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);
      expect(parseOrganiserCode(code)).toEqual({ ok: true, code });
      expect(formatOrganiserCode(code)).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    }
  });

  it("are not repeated (70 random bits each)", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateOrganiserCode()));
    expect(codes.size).toBe(2000);
  });

  it("read back however they are typed: case, hyphens, spaces, O for 0, I and L for 1", () => {
    const code = generateOrganiserCode();
    const sloppy = formatOrganiserCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace(/-/g, " - ");
    expect(parseOrganiserCode(sloppy)).toEqual({ ok: true, code });
  });

  it("catch every single wrong symbol as a typo", () => {
    const code = generateOrganiserCode();
    for (let position = 0; position < ORGANISER_CODE_LENGTH; position += 1) {
      for (const symbol of ALPHABET) {
        if (symbol === code[position]) continue;
        const typo = code.slice(0, position) + symbol + code.slice(position + 1);
        expect(parseOrganiserCode(typo)).toEqual({ ok: false, problem: "typo" });
      }
    }
  });

  it("catch every swap of two different neighbours as a typo", () => {
    for (let round = 0; round < 20; round += 1) {
      const code = generateOrganiserCode();
      for (let position = 0; position < ORGANISER_CODE_LENGTH - 1; position += 1) {
        if (code[position] === code[position + 1]) continue;
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(parseOrganiserCode(swapped).ok).toBe(false);
      }
    }
  });

  it("refuse the wrong length and symbols outside the alphabet as malformed", () => {
    const code = generateOrganiserCode();
    expect(parseOrganiserCode(code.slice(1))).toEqual({ ok: false, problem: "format" });
    expect(parseOrganiserCode(`${code}0`)).toEqual({ ok: false, problem: "format" });
    expect(parseOrganiserCode(`U${code.slice(1)}`)).toEqual({ ok: false, problem: "format" });
    expect(parseOrganiserCode("")).toEqual({ ok: false, problem: "format" });
  });

  it("draw again when the check would need one of Crockford's extra symbols", () => {
    // The first draw's 70 bits are 32 (check 32 → "*"), the second's are 1 (check 1).
    const draws = [Buffer.from("000000000000000020", "hex"), Buffer.from("000000000000000001", "hex")];
    expect(generateOrganiserCode(() => draws.shift() ?? Buffer.alloc(9))).toBe(`${"0".repeat(13)}11`);
  });

  it("are stored as a keyed hash that depends on the key", () => {
    const code = generateOrganiserCode();
    const hash = hashOrganiserCode(code, "k".repeat(32));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashOrganiserCode(code, "j".repeat(32))).not.toBe(hash);
  });
});
