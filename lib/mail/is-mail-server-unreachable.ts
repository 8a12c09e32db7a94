/**
 * Nodemailer's codes for a mail server that cannot be reached or will not talk (refused, reset,
 * timed out, not found, a refusing greeting, a failed TLS handshake), and Node's own for a
 * socket that never connected: failures of the server, which the next email would meet too.
 * Anything else (a recipient refused, a message rejected, a template that fails) is the email's.
 */
const SERVER_UNREACHABLE_CODES = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "ETLS",
  "EPROTOCOL",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

export function isMailServerUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") return SERVER_UNREACHABLE_CODES.has(code);
  // A server that accepts the connection and closes it before speaking (one shutting down, a
  // port left to a dead process): nodemailer's pool reports it with no code, in these words.
  return message === "Unexpected socket close";
}
