const MAX_LENGTH = 300;
// Anything shaped like an address, not only the recipient's: a server's reply may quote the
// envelope sender, an alias it resolved, or the address in another form.
const ADDRESS_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * A short, single-line description of why a delivery attempt failed, for `lastError` and logs.
 * SMTP replies often quote the recipient (`550 5.1.1 <jane@example.com>: user unknown`), and
 * no address may rest in an error column or a log line, so every address-like word is masked.
 */
export function describeSendError(error: unknown, recipient?: string | null): string {
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  let described = code && !message.startsWith(code) ? `${code}: ${message}` : message;
  if (recipient) described = described.replaceAll(new RegExp(escapeRegExp(recipient), "gi"), "<address>");
  described = described
    .replace(ADDRESS_LIKE, "<address>")
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim();
  return described.length > MAX_LENGTH ? `${described.slice(0, MAX_LENGTH - 1)}…` : described || "Unknown error";
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
