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
  {
    weight: 1,
    arbitrary: hostileString.map((value) => `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"token":${JSON.stringify(value)}}`),
  },
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

// Node refuses a request whose request line and headers exceed 16 KB (431) before the app sees
// it. Ordinary cases stay well under that, each part of a URL at most this long, so that they
// reach the app; the refusal of oversized requests is a fuzz of its own (fuzz-public-pages.spec.ts).
const MAX_URL_PART = 1_000;
const MAX_QUERY = 6_000;
const UNRESERVED = /[A-Za-z0-9._~-]/;

/**
 * A string as a path segment or query value: its UTF-8 bytes percent-encoded (a lone surrogate
 * becomes the replacement character, as any client must send it), or left raw with any `%` kept,
 * so that broken escapes such as `%ZZ` reach the server too. Cut to MAX_URL_PART, never inside
 * an escape it made.
 */
export const encodedForUrl: fc.Arbitrary<string> = fc.tuple(hostileString, fc.boolean()).map(([value, keepEscapes]) => {
  const encoded = keepEscapes ? percentEncodeBytes(value, /[A-Za-z0-9%._~-]/) : percentEncodeBytes(value, UNRESERVED);
  return encoded.length > MAX_URL_PART ? encoded.slice(0, MAX_URL_PART).replace(/%[0-9A-F]?$/, "") : encoded;
});

function percentEncodeBytes(value: string, keep: RegExp): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const character = String.fromCharCode(byte);
    out += byte < 0x80 && keep.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * A string as one path segment: as `encodedForUrl`, but never a dot segment. `.` or `..`, even
 * written `%2E`, is not a name but a move to another path (`/letters/%2E/og.png` is
 * `/letters/og.png` to any URL parser), which would test another route than the one named.
 */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;
export const encodedSegment: fc.Arbitrary<string> = encodedForUrl.map((segment) => (DOT_SEGMENT.test(segment) ? `${segment}x` : segment));

/** A path segment naming something (a slug, a token): the real one in about `realShare` of cases, any other otherwise. */
export function segmentOr(real: string, realShare = 0.1): fc.Arbitrary<string> {
  const realWeight = Math.max(1, Math.round(realShare * 1_000));
  return fc.oneof({ weight: realWeight, arbitrary: fc.constant(real) }, { weight: 1_000 - realWeight, arbitrary: encodedSegment });
}

/**
 * A query string built of the named parameters (each absent, valid, or hostile) plus stray ones,
 * repeated keys included. Valid values are given decoded, and encoded here.
 */
export function queryOf(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = Object.entries(params).map(([name, valid]) =>
    fc
      .option(
        fc.oneof(
          valid.map((value) => percentEncodeBytes(value, UNRESERVED)),
          encodedForUrl,
        ),
        { nil: undefined },
      )
      .map((value) => (value === undefined ? [] : [`${name}=${value}`])),
  );
  const stray = fc.array(
    fc.tuple(encodedForUrl, encodedForUrl).map(([name, value]) => `${name}=${value}`),
    { maxLength: 2 },
  );
  const names = Object.keys(params);
  const repeated =
    names.length > 0
      ? fc.array(
          fc.constantFrom(...names).map((name) => `${name}=`),
          { maxLength: 1 },
        )
      : fc.constant([]);
  return fc
    .tuple(fc.tuple(...entries), stray, repeated)
    .map(([named, extra, again]) => {
      const parts = [...named.flat(), ...extra, ...again];
      return parts.length > 0 ? `?${parts.join("&")}` : "";
    })
    .filter((query) => query.length <= MAX_QUERY);
}

/** Header values a client can put on the wire: tab and Latin-1 text without controls (HTTP allows no others). */
const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code)),
    maxLength: 200,
  }),
  fc.constantFrom("%00", "../../etc/passwd", "__proto__", "*/*", "text/html", "application/json", "text/event-stream", "null", "x".repeat(1_000)),
);

/**
 * The request headers the app (or Next, on its behalf) reads. The production server overwrites
 * `x-undersigned-client-address`; sending it checks that too. `origin` and `sec-fetch-site`
 * decide whether a state change is refused as cross-site: on those, see `stateChangeHeaders`.
 */
const HEADERS: Record<string, fc.Arbitrary<string>> = {
  accept: headerText,
  "accept-language": headerText,
  referer: headerText,
  cookie: fc.oneof(
    headerText,
    headerText.map((value) => `authjs.session-token=${value}; authjs.csrf-token=${value}`),
  ),
  "x-forwarded-for": fc.oneof(
    headerText,
    fc.ipV4().map((ip) => `${ip}, 10.0.0.1`),
    fc.ipV6(),
  ),
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
const SITE_HEADERS: Record<string, fc.Arbitrary<string>> = {
  origin: headerText,
  "sec-fetch-site": fc.oneof(fc.constantFrom("same-origin", "same-site", "cross-site", "none"), headerText),
};

/** Up to three of `headers`, hostile (more would mostly repeat Next's redirect for `RSC`). */
const someOf = (headers: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Record<string, string>> =>
  fc
    .array(fc.oneof(...Object.entries(headers).map(([name, value]) => value.map((text): [string, string] => [name, text]))), { maxLength: 3 })
    .map((entries) => Object.fromEntries(entries));

/** Headers for a GET or HEAD, which no origin changes the answer to. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = someOf({ ...HEADERS, ...SITE_HEADERS });

const OWN_ORIGIN = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100").origin;

/** A state change (POST) as a client frames it: its headers, and how the guard must treat it. */
export type TStateChange = { headers: Record<string, string>; foreign: boolean; chunked: boolean };

// Where a state change says it comes from: mostly nowhere (a script) or this site, so that most
// cases reach the handler; one in ten from another site, as a browser would send it (`Origin:
// null` from a sandbox or a redirect, another host, an empty or garbled value, or no Origin but
// `Sec-Fetch-Site: cross-site`).
const ownSite = fc.constantFrom<Record<string, string>>(
  { origin: OWN_ORIGIN },
  { origin: OWN_ORIGIN, "sec-fetch-site": "same-origin" },
  { "sec-fetch-site": "same-origin" },
  { "sec-fetch-site": "none" },
);
const otherSite = fc.oneof(
  fc.constantFrom("null", "", "https://evil.example", `${OWN_ORIGIN}.evil.example`, "http://localhost").map((origin) => ({ origin })),
  headerText.map((origin) => ({ origin })),
  fc.constantFrom("cross-site", "same-site").map((site) => ({ "sec-fetch-site": site })),
);
const requestSite = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ headers: {}, foreign: false }) },
  { weight: 4, arbitrary: ownSite.map((headers) => ({ headers, foreign: false })) },
  { weight: 1, arbitrary: otherSite.map((headers) => ({ headers, foreign: true })) },
);

/** Hostile headers for a POST, from this site or another, now and then with a chunked body. */
export const stateChangeHeaders: fc.Arbitrary<TStateChange> = fc
  .record({
    hostile: someOf(HEADERS),
    site: requestSite,
    chunked: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ hostile, site, chunked }) => ({ headers: { ...hostile, ...site.headers }, foreign: site.foreign, chunked }));

/**
 * The status the production server's guard answers a state change with before its handler runs
 * (lib/pipeline/request-guard.ts), if any: another site's (unless the endpoint is open to other
 * sites), then a body without a length.
 */
export function guardRefusal(change: TStateChange, options: { openToOtherSites?: boolean } = {}): number[] | undefined {
  if (change.foreign && !options.openToOtherSites) return [403];
  if (change.chunked) return [411];
  return undefined;
}
