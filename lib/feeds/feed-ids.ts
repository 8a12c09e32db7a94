import { createHash } from "node:crypto";

/**
 * Identifiers of feeds and entries. Atom asks that an id never change, even when the document
 * moves, so no entry's id is built from the site's address or a letter's slug: entries are named
 * by the row they report (a status update, a letter), as `urn:uuid:` URIs. (Only the site feed
 * itself, which has no row, is named by its address.)
 */
export const entryIdOfRow = (rowId: string) => `urn:uuid:${rowId}`;

// A namespace of our own (a random UUID fixed here) for ids derived from a row's id, so that the
// feed of a letter's updates is not the same resource as the letter's entry in the site feed.
const LETTER_FEED_NAMESPACE = "7d4b3c1e-5a8f-4c2b-9e61-0f3a2d8b6c57";

/** The id of a letter's feed of updates: stable for the letter, distinct from the letter's own id. */
export const letterFeedId = (letterId: string) => `urn:uuid:${nameBasedUuid(LETTER_FEED_NAMESPACE, letterId)}`;

/** RFC 4122 §4.3 (version 5, SHA-1): the same namespace and name always give the same UUID. */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
