import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/security/tokens";

/**
 * The code a signer shows the organisers instead of receiving an email (issue 14 §3).
 *
 * Format: 14 data symbols and 1 check symbol in Crockford's base 32, shown as three groups of
 * five (`7K2QD-M9XRT-4WZC8`). Why this one:
 * - Crockford's alphabet has no I, L, O or U, and decoding folds o→0 and i/l→1 and ignores case,
 *   hyphens and spaces, so a code read aloud, copied from a phone or typed into Signal survives.
 * - The check symbol is the code's value mod 37, Crockford's own scheme: since 37 is prime and
 *   larger than the alphabet, every single wrong symbol and every swap of two neighbours changes
 *   the check, so a typo is refused as a typo before it is looked up (and costs no guess).
 *   Crockford spells check values 32–36 with `*~$=U`, awkward to type; codes are drawn again until
 *   their check falls in the ordinary alphabet (32 of 37 do), which costs 0.2 bits.
 * - 14 data symbols carry 70 random bits, minus those 0.2: 2^69.8 ≈ 1.0 × 10^21 possible codes.
 *   Guessing odds under the rate limits are worked out in README ("Verified by organisers").
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_SYMBOLS = 14;
const DATA_BITS = BigInt(DATA_SYMBOLS * 5);
const CHECK_MODULUS = 37n;

export const ORGANISER_CODE_LENGTH = DATA_SYMBOLS + 1;
/** How long an unverified code stays usable before housekeeping deletes its claim. */
export const ORGANISER_CODE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

function encode(value: bigint, symbols: number): string {
  let out = "";
  for (let i = symbols - 1; i >= 0; i -= 1) out += ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  return out;
}

function decode(symbols: string): bigint {
  let value = 0n;
  for (const symbol of symbols) value = (value << 5n) | BigInt(ALPHABET.indexOf(symbol));
  return value;
}

/** A new code, canonical (15 symbols, no hyphens). */
export function generateOrganiserCode(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const bytes = random(9);
    const value = BigInt(`0x${bytes.toString("hex")}`) & ((1n << DATA_BITS) - 1n);
    const check = value % CHECK_MODULUS;
    if (check < 32n) return encode(value, DATA_SYMBOLS) + ALPHABET[Number(check)];
  }
}

/** As people should read it: three groups of five. */
export function formatOrganiserCode(canonical: string): string {
  return canonical.match(/.{1,5}/g)?.join("-") ?? canonical;
}

export type TParsedOrganiserCode = { ok: true; code: string } | { ok: false; problem: "format" | "typo" };

/** Whatever the organiser typed, as a canonical code; or why it cannot be one. */
export function parseOrganiserCode(input: string): TParsedOrganiserCode {
  const folded = input
    .toUpperCase()
    .replace(/[\s\-‐-―]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (folded.length !== ORGANISER_CODE_LENGTH || [...folded].some((symbol) => !ALPHABET.includes(symbol))) return { ok: false, problem: "format" };
  const data = folded.slice(0, DATA_SYMBOLS);
  const check = ALPHABET.indexOf(folded.slice(DATA_SYMBOLS));
  if (decode(data) % CHECK_MODULUS !== BigInt(check)) return { ok: false, problem: "typo" };
  return { ok: true, code: folded };
}

/**
 * What is stored: a keyed hash, as for addresses. 70 bits would not survive an offline search of
 * a plain SHA-256 for long; without the key, a copy of the database yields no usable code.
 */
export function hashOrganiserCode(canonical: string, key: string): string {
  return keyedHash(`organiser-code:${canonical}`, key);
}
