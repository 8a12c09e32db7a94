/**
 * A chunk given to `response.write` or `response.end` (a string in `encoding`, or bytes) as a
 * Buffer over the same memory: what each wrapper of the response in this folder reads it as.
 * Anything else is refused, as Node's own `write` would refuse it.
 */
export function bodyChunkBytes(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError("A response body chunk must be a string or bytes");
}
