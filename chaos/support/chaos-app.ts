import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { startAppServer, type TAppServer } from "@/bench/support/app-server";

export const CHAOS_EMAIL_HMAC_KEY = "chaos-email-key-chaos-email-key-chaos-000";
const LOG_DIR = path.resolve("chaos/logs");

export type TChaosApp = TAppServer & { logFile: string };

/**
 * The production server (a real `next build`, scripts/production-server.ts) on the scenario's
 * database and SMTP port, its output appended to chaos/logs/<name>.log so a report can point at
 * what the app said during the fault. Starting it again with the same name continues that log.
 */
export async function startChaosApp(options: {
  name: string;
  port: number;
  databaseUrl: string;
  smtpPort: number;
  env?: Record<string, string>;
}): Promise<TChaosApp> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${options.name}.log`);
  const fd = openSync(logFile, "a");
  try {
    const app = await startAppServer({
      port: options.port,
      outputFd: fd,
      env: {
        DATABASE_URL: options.databaseUrl,
        APP_URL: `http://localhost:${options.port}`,
        AUTH_SECRET: "chaos-secret-chaos-secret-chaos-secret-0000",
        EMAIL_HMAC_KEY: CHAOS_EMAIL_HMAC_KEY,
        SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
        EMAIL_FROM: "Undersigned <chaos@undersigned.test>",
        // Every submission comes from 127.0.0.1: the limits stay on (their store is part of
        // what must survive a database restart) with thresholds out of reach.
        RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: "100000000",
        RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: "100000000",
        ...options.env,
      },
    });
    return { ...app, logFile };
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(fd);
  }
}
