import "server-only";
import path from "node:path";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/config/env";

/** The dev mailbox's folder, or a 404 wherever real mail is sent (production, or SMTP configured). */
export function devMailboxDirOr404(): string {
  const env = getEnv();
  if (env.mode === "production" || env.SMTP_URL) notFound();
  return path.resolve(env.DEV_MAILBOX_DIR);
}
