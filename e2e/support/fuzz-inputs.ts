import fc from "fast-check";

/**
 * Generators of what a hostile client sends: the values our parsers must refuse with a 4xx, or
 * accept, but never fail on.
 */

/** Strings known to have broken parsers somewhere: each must be among the first things tried. */
const NOTORIOUS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\r\nBcc: everyone@attacker.example",
  "Jane\r\nX-Injected: yes",
  "\ud800",
  "\udfff\ud800",
  "\u202e\u2066evil",
  "\ufeff",
  "🙂".repeat(50),
  "%",
  "%00",
  "%ZZ",
  "%E0%A4%A",
  "%25",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "..\\..\\windows\\win.ini",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "<script>alert(1)</script>",
  "' OR '1'='1' --",
  "$where",
  "javascript:alert(1)",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "a".repeat(300),
  "x".repeat(20_000),
];

/** Any string, biased towards the troublesome: control characters, lone surrogates, huge, notorious. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NOTORIOUS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("%", "0", "f", "F", "Z", "/", ".", "\\", "\u0000", "\r", "\n", "\t", "a"), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1_000, maxLength: 5_000 }) },
);

/** A JSON value of any type, nested, with the keys that pollute prototypes. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "token", "name", "email"), fc.string()), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;

/**
 * A request body that may not be JSON at all: valid JSON of any shape, JSON with prototype keys
 * written literally (JSON.stringify would drop `__proto__`), truncated JSON, raw bytes.
 */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileJsonValue.map((value) => JSON.stringify(value) ?? "null") },
  { weight: 1, arbitrary: hostileString.map((value) => `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"token":${JSON.stringify(value)}}`) },
  { weight: 1, arbitrary: hostileJsonValue.map((value) => (JSON.stringify(value) ?? "").slice(0, -1)) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constant(`{"a":"${"x".repeat(20_000)}"}`) },
);

/** What a request's Content-Type claims, honestly or not. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=nothing",
  "application/xml",
  "*/*",
  "",
  undefined,
);

/**
 * A string as a path segment or query value: its UTF-8 bytes percent-encoded (a lone surrogate
 * becomes the replacement character, as any client must send it), or left raw with any `%` kept,
 * so that broken escapes such as `%ZZ` reach the server too.
 */
export const encodedForUrl: fc.Arbitrary<string> = fc.tuple(hostileString, fc.boolean()).map(([value, keepEscapes]) =>
  keepEscapes ? percentEncodeBytes(value, /[A-Za-z0-9%._~-]/) : percentEncodeBytes(value, /[A-Za-z0-9._~-]/),
);

function percentEncodeBytes(value: string, keep: RegExp): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const character = String.fromCharCode(byte);
    out += byte < 0x80 && keep.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A path segment naming something (a slug, a token): the real one in about `realShare` of cases, any other otherwise. */
export function segmentOr(real: string, realShare = 0.1): fc.Arbitrary<string> {
  const realWeight = Math.max(1, Math.round(realShare * 1_000));
  return fc.oneof({ weight: realWeight, arbitrary: fc.constant(real) }, { weight: 1_000 - realWeight, arbitrary: encodedForUrl });
}

/** A query string built of the named parameters (each absent, valid, or hostile) plus stray ones, repeated keys included. */
export function queryOf(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = Object.entries(params).map(([name, valid]) =>
    fc.option(fc.oneof(valid, encodedForUrl), { nil: undefined }).map((value) => (value === undefined ? [] : [`${name}=${value}`])),
  );
  const stray = fc.array(fc.tuple(encodedForUrl, encodedForUrl).map(([name, value]) => `${name}=${value}`), { maxLength: 2 });
  const names = Object.keys(params);
  const repeated = names.length > 0 ? fc.array(fc.constantFrom(...names).map((name) => `${name}=`), { maxLength: 1 }) : fc.constant([]);
  return fc.tuple(fc.tuple(...entries), stray, repeated).map(([named, extra, again]) => {
    const parts = [...named.flat(), ...extra, ...again];
    return parts.length > 0 ? `?${parts.join("&")}` : "";
  });
}

/** Header values a client can put on the wire: tab and Latin-1 text without controls (HTTP allows no others). */
const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code)), maxLength: 200 }),
  fc.constantFrom("%00", "../../etc/passwd", "__proto__", "*/*", "text/html", "application/json", "text/event-stream", "null", "x".repeat(4_000)),
);

/**
 * The request headers the app (or Next, on its behalf) reads. The production server overwrites
 * `x-undersigned-client-address`; sending it checks that too.
 */
const HEADERS: Record<string, fc.Arbitrary<string>> = {
  accept: headerText,
  "accept-language": headerText,
  origin: headerText,
  referer: headerText,
  cookie: fc.oneof(headerText, headerText.map((value) => `authjs.session-token=${value}; authjs.csrf-token=${value}`)),
  "x-forwarded-for": fc.oneof(headerText, fc.ipV4().map((ip) => `${ip}, 10.0.0.1`), fc.ipV6()),
  "x-forwarded-host": headerText,
  "x-forwarded-proto": headerText,
  "x-undersigned-client-address": headerText,
  "last-event-id": headerText,
  rsc: fc.oneof(fc.constant("1"), headerText),
  "user-agent": headerText,
  "if-none-match": headerText,
  "next-router-state-tree": headerText,
  "next-url": headerText,
  "next-router-prefetch": headerText,
};

/** Up to three of those headers, hostile, on each request (more would mostly repeat Next's redirect for `RSC`). */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .array(fc.oneof(...Object.entries(HEADERS).map(([name, value]) => value.map((text): [string, string] => [name, text]))), { maxLength: 3 })
  .map((entries) => Object.fromEntries(entries));
