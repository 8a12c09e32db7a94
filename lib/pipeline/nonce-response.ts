import type { ServerResponse } from "node:http";
import { bodyChunkBytes } from "./body-chunk";
import { createNonceSubstitution } from "./script-nonces";

type TWriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/**
 * Makes `response` swap `placeholder` for `nonce` in its body when it turns out to be HTML
 * (decided by its Content-Type at the first write). Other responses pass through untouched.
 * Installed before the handler runs; anything that wraps the response later (compression)
 * must be installed before this, so that it receives the substituted bytes.
 */
export function substituteNonceInHtml(response: ServerResponse, placeholder: string, nonce: string): void {
  const substitution = createNonceSubstitution(placeholder, nonce);
  const write = response.write.bind(response) as (...args: TWriteArgs) => boolean;
  const end = response.end.bind(response) as (...args: TWriteArgs) => ServerResponse;
  let isHtml: boolean | undefined;
  const rewrites = () => (isHtml ??= /^text\/html\b/i.test(String(response.getHeader("content-type") ?? "")));

  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!rewrites() || chunk == null) return write(chunk, encoding, callback);
    const [bytes, done] = asBytes(chunk, encoding, callback);
    return write(substitution.push(bytes), done);
  }) as ServerResponse["write"];

  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (typeof chunk === "function") return end(chunk);
    if (!rewrites()) return end(chunk, encoding, callback);
    const [bytes, done] = chunk == null ? [Buffer.alloc(0), typeof encoding === "function" ? encoding : callback] : asBytes(chunk, encoding, callback);
    return end(Buffer.concat([substitution.push(bytes), substitution.flush()]), done);
  }) as ServerResponse["end"];
}

/** `write(chunk, encoding?, callback?)`'s arguments as bytes and the callback. */
function asBytes(chunk: unknown, encoding: unknown, callback: unknown): [Buffer, unknown] {
  return [bodyChunkBytes(chunk, encoding), typeof encoding === "function" ? encoding : callback];
}
