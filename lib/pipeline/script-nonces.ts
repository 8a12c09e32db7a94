import { createHmac, randomBytes } from "node:crypto";

/**
 * Script nonces for pages that Next serves from its cache.
 *
 * A nonce must differ on every response, yet a letter page is rendered once and then served
 * from Next's cache for seconds. So Next renders every page with one fixed *placeholder*
 * nonce (the production server hands it to Next in the request's Content-Security-Policy
 * header, where Next looks for it), and the production server swaps that placeholder for a
 * fresh nonce in each HTML response, the same nonce it puts in the response's policy.
 *
 * The placeholder is secret: it never leaves the server, because every HTML response has it
 * replaced. An attacker who slipped markup into a page would have to write the placeholder
 * into their `<script nonce>` to be swapped along with ours, and they never see it; a nonce
 * they read from an earlier response is useless on the next one. It is derived from the auth
 * secret so that every instance behind a load balancer, and the cache they share on disk,
 * agree on it across restarts.
 */

/** Bytes of randomness in a nonce: 128 bits, as CSP recommends. Placeholder and nonce are both 22 characters. */
const NONCE_BYTES = 16;

export function placeholderNonce(secret: string | undefined): string {
  // Without a secret (a misconfigured server), a per-process placeholder still protects; only
  // pages cached by another process then need their next regeneration to carry it.
  const key = secret ?? randomBytes(32).toString("hex");
  return createHmac("sha256", key).update("undersigned script nonce placeholder").digest().subarray(0, NONCE_BYTES).toString("base64url");
}

export function freshNonce(): string {
  return randomBytes(NONCE_BYTES).toString("base64url");
}

export type TNonceSubstitution = {
  /** The chunk with every placeholder replaced, less a tail that may be the start of one split across chunks. */
  push(chunk: Buffer): Buffer;
  /** Whatever was held back, at the end of the response. */
  flush(): Buffer;
};

/**
 * Replaces `placeholder` with `nonce` in a stream of chunks. Both have the same length, so a
 * Content-Length stays true. A placeholder split across two chunks is still found: the end of
 * a chunk that could begin one is held back until the next chunk (or the end) arrives; nothing
 * else is held back, so streamed HTML reaches the browser as soon as it did.
 */
export function createNonceSubstitution(placeholder: string, nonce: string): TNonceSubstitution {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(nonce);
  if (from.length !== to.length) throw new Error("The nonce and its placeholder must have the same length");
  let held = Buffer.alloc(0);

  return {
    push(chunk) {
      let data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      let at = data.indexOf(from);
      if (at >= 0 && data === chunk) data = Buffer.from(chunk); // never write into the caller's buffer
      for (; at >= 0; at = data.indexOf(from, at + from.length)) to.copy(data, at);
      const keep = startOfPlaceholderAtEnd(data, from);
      held = Buffer.from(data.subarray(data.length - keep));
      return data.subarray(0, data.length - keep);
    },
    flush() {
      const rest = held;
      held = Buffer.alloc(0);
      return rest;
    },
  };
}

/** The length of the longest proper prefix of `placeholder` that `data` ends with. */
function startOfPlaceholderAtEnd(data: Buffer, placeholder: Buffer): number {
  for (let length = Math.min(placeholder.length - 1, data.length); length > 0; length--) {
    if (data.subarray(data.length - length).equals(placeholder.subarray(0, length))) return length;
  }
  return 0;
}
