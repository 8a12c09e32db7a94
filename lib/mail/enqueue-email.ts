import type { TDb, Prisma } from "@/lib/db/prisma";
import type { TEmailTemplate } from "./email-template";
import { isPlausibleAddress } from "./is-plausible-address";

/**
 * Queues one email in the caller's transaction, so it commits or rolls back with whatever it is
 * about: a signer told "check your inbox" always has a row here. Delivery happens later, in
 * deliverDueEmails, which renders the template at send time.
 *
 * Throws on data the template refuses and on a recipient that is not one plain address: both
 * are bugs in the caller (the signing form vets addresses first), and refusing here keeps a
 * line break or a second recipient from ever reaching a mail header.
 */
export async function enqueueEmail<T>(tx: Prisma.TransactionClient | TDb, template: TEmailTemplate<T>, to: string, data: T): Promise<void> {
  assertPlainRecipient(template, to);
  const stored = toStoredData(template, template.data.parse(data));
  await tx.outboxEmail.create({ data: { to, template: template.name, data: stored } });
}

/** The recipient check of enqueueEmail, for callers that write the outbox row in their own SQL. */
export function assertPlainRecipient(template: { name: string }, to: string): void {
  if (/[\r\n]/.test(to) || !isPlausibleAddress(to)) {
    throw new Error(`Refusing to queue "${template.name}": the recipient is not a plain email address.`);
  }
}

/**
 * The data as the outbox will read it back: JSON. Checked against the template again after the
 * round trip, so a value JSON cannot carry (a Date, undefined, a class) fails now, in the
 * caller's transaction, rather than at every delivery attempt for ever.
 */
function toStoredData<T>(template: TEmailTemplate<T>, data: T): Prisma.InputJsonObject {
  const json: unknown = JSON.parse(JSON.stringify(data) ?? "null");
  if (json === null || typeof json !== "object" || Array.isArray(json) || !template.data.safeParse(json).success) {
    throw new Error(`Refusing to queue "${template.name}": its data must be a JSON object that the template accepts as read back.`);
  }
  // A JSON object by construction: it has just been through JSON.parse.
  return json as Prisma.InputJsonObject;
}
