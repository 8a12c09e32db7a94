import { randomBytes } from "node:crypto";
import type { TDb } from "@/lib/db/prisma";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { keyedHash } from "@/lib/security/tokens";
import { parseSignerEmail } from "@/lib/signatures/parse-signer-email";
import type { TSmtpCapture } from "@/tests/support/smtp-capture";
import { CHAOS_EMAIL_HMAC_KEY } from "./chaos-app";

/** What became of one submission, as the client saw it. */
export type TSubmissionOutcome =
  | { kind: "answered"; status: number; retryAfter: string | null }
  /** Never reached a server: the port was closed (safe to send again). */
  | { kind: "refused" }
  /** Cut or failed mid-way: the server may or may not have committed it. */
  | { kind: "lost"; error: string };

/** Distinct addresses at the demo letter's domain, unique to this run. */
export function chaosSigners(count: number): string[] {
  const run = randomBytes(3).toString("hex");
  return Array.from({ length: count }, (_, i) => `chaos.${run}.${i}@microsoft.com`);
}

/** The key a signature row of `address` carries (lib/signatures/create-signature.ts). */
export function emailKeyOf(address: string): string {
  const parsed = parseSignerEmail(address);
  if (!parsed.ok) throw new Error(`not a signer address: ${address}`);
  return keyedHash(parsed.value.dedupeForm, CHAOS_EMAIL_HMAC_KEY);
}

export async function submitSignature(appUrl: string, address: string, timeoutMs = 15_000): Promise<TSubmissionOutcome> {
  try {
    const response = await fetch(`${appUrl}/api/v1/letters/${DEMO_LETTER_SLUG}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Chaos Signer", email: address, anonymous: true }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { kind: "answered", status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === "ECONNREFUSED") return { kind: "refused" };
    return { kind: "lost", error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** How many signature rows of the demo letter each address has. */
export async function signatureRowsByAddress(db: TDb, addresses: string[]): Promise<Map<string, number>> {
  const byKey = new Map(addresses.map((address) => [emailKeyOf(address), address]));
  const rows = await db.signature.groupBy({
    by: ["emailKey"],
    where: { letter: { slug: DEMO_LETTER_SLUG }, emailKey: { in: [...byKey.keys()] } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [byKey.get(row.emailKey)!, row._count._all]));
}

/** How many messages the capture received for each recipient (by SMTP envelope). */
export function emailsByRecipient(capture: TSmtpCapture): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of capture.messages) for (const to of message.envelope.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}
