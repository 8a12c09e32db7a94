import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import type { TDb } from "@/lib/db/prisma";

/**
 * Signs a browser context in as `email` the way Auth.js's database sessions work: a Session row
 * and its token in the session cookie. For specs about what organisers do once signed in; the
 * sign-in itself is covered, through the mailbox, by organiser-publishes-a-letter.spec.ts.
 */
export async function signInAs(context: BrowserContext, db: TDb, email: string): Promise<{ userId: string }> {
  const user = await db.user.upsert({ where: { email }, create: { email, emailVerified: new Date() }, update: {}, select: { id: true } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) } });
  const baseURL = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");
  await context.addCookies([{ name: "authjs.session-token", value: sessionToken, domain: baseURL.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  return { userId: user.id };
}

/** The platform admin of the app under test (its ADMIN_EMAILS, set in playwright.config.ts). */
export const E2E_ADMIN_EMAIL = "admin@organisers.example";

export const organiserAddress = (label: string) => `${label}-${randomBytes(4).toString("hex")}@organisers.example`;
