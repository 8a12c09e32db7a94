/**
 * The parts of the OpenAPI document that describe the API as a whole, rather than one
 * operation: who runs it, on what terms, and how its operations are grouped. Kept apart from
 * lib/api/openapi.ts, whose operations are generated beside the zod schemas.
 */

/** Operations are grouped by what they are about, in the order a reader meets them. */
export const API_TAGS = [
  { name: "Letters", description: "Published open letters: their text, demands, timeline and the domains whose addresses may sign." },
  { name: "Signatures", description: "Signing a letter, confirming a signature, and the public list of confirmed signatures." },
  { name: "Counts", description: "Verified totals, overall and per domain, polled or streamed as they change." },
] as const;

export type TApiTag = (typeof API_TAGS)[number]["name"];

export function apiInfo(appUrl: string) {
  return {
    title: "Undersigned public API",
    version: "1.0.0",
    description:
      'Open letters and their verified signatures. Every GET is public, cacheable (`Cache-Control` with `s-maxage`) and open to any origin (CORS). No response ever contains a signer\'s email address, its hash or an IP address. Errors are `{ "error": { "code", "message", "fields"? } }`.',
    // The instance's own site: whoever runs it answers for it.
    contact: { name: "Undersigned", url: appUrl.replace(/\/+$/, "") },
    // What the API serves was published to be read, quoted and counted by anyone: letters that
    // people signed publicly. Reuse with credit to the letter. (A choice for the operator of an
    // instance to confirm; change it here.)
    license: { name: "Creative Commons Attribution 4.0", identifier: "CC-BY-4.0" },
  };
}
