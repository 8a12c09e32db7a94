import type { z } from "zod";
import type { TDb } from "@/lib/db/prisma";

export type TRenderedEmail = { subject: string; text: string; html: string };

/** What a template may use while rendering, at send time (not at enqueue time). */
export type TEmailContext = {
  db: TDb;
  appUrl: string;
  now: Date;
  /** For sign-in links, whose tokens are hashed the way Auth.js checks them. */
  authSecret?: string;
};

/**
 * One kind of email. Its data is validated when it is queued and again when it is sent; it is
 * rendered only when the outbox delivers it, so that what the outbox stores can stay minimal
 * (for a verification email, a signature id: the token is created at send time and never rests
 * in the database in plain text).
 */
export type TEmailTemplate<TData> = {
  name: string;
  data: z.ZodType<TData>;
  render: (data: TData, context: TEmailContext) => Promise<TRenderedEmail>;
};

// The registry is heterogeneous by design; each template validates its own data before use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TAnyEmailTemplate = TEmailTemplate<any>;
