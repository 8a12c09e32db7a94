import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { E2E_ADMIN_EMAIL } from "./e2e/support/organiser-session";
import { databaseUrl, TEST_SERVER_URL } from "./tests/support/throwaway-database";

/**
 * End-to-end tests run a production build (`next build` + `next start`) on a throwaway
 * PostgreSQL database, in a real Chromium. The database name is fixed here, once, in the runner
 * process; workers inherit it through the environment.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_SMTP_PORT ??= String(port + 2425);
process.env.E2E_MAILBOX_DIR ??= path.join(os.tmpdir(), `undersigned-e2e-mail-${process.pid}`);
process.env.E2E_SERVER_LOG ??= path.join(os.tmpdir(), `undersigned-e2e-server-${process.pid}.log`);
const baseURL = `http://localhost:${port}`;
process.env.E2E_BASE_URL = baseURL;
process.env.E2E_DATABASE_NAME ??= `undersigned_e2e_${Date.now().toString(36)}_${process.pid}`;
process.env.E2E_DATABASE_URL = databaseUrl(TEST_SERVER_URL, process.env.E2E_DATABASE_NAME);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx e2e/support/start-server.ts",
    url: `${baseURL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      EMAIL_HMAC_KEY: "e2e-email-key-e2e-email-key-e2e-email-key",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      EMAIL_FROM: "Undersigned <letters@undersigned.test>",
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
    },
  },
});
