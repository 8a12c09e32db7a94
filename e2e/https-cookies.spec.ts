import { spawn, type ChildProcess } from "node:child_process";
import { productionServerArgs } from "@/scripts/launch";
import { expect, test } from "./support/fixtures";

// Deployed behind HTTPS (APP_URL https://…), the auth cookies must be Secure, so that they never
// travel over plain http, and the pages must pin HTTPS. The suite's own server runs on http, so
// this starts a second production server on the same build with an https APP_URL.

const port = Number(process.env.E2E_PORT ?? 3100) + 97;

async function startHttpsConfiguredServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, productionServerArgs(port), {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: "https://letters.example",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      AUTH_SECRET: "https-secret-https-secret-https-secret-https",
      EMAIL_HMAC_KEY: "https-email-key-https-email-key-https-email",
      SMTP_URL: "smtp://127.0.0.1:9",
      EMAIL_FROM: "Undersigned <letters@letters.example>",
      // It shares the suite's database: it must not claim the suite's emails or fold its counts.
      BACKGROUND_JOBS: "off",
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`http://localhost:${port}/api/ping`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
  return server;
}

test("over https, auth cookies are Secure, HttpOnly and SameSite, and pages pin HTTPS", async () => {
  test.setTimeout(60_000);
  const server = await startHttpsConfiguredServer();
  try {
    const csrf = await fetch(`http://localhost:${port}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    const csrfCookie = cookies.find((cookie) => cookie.startsWith("__Host-authjs.csrf-token="));
    expect(csrfCookie, cookies.join("\n")).toBeDefined();
    expect(csrfCookie).toMatch(/; Secure/i);
    expect(csrfCookie).toMatch(/; HttpOnly/i);
    expect(csrfCookie).toMatch(/; SameSite=Lax/i);

    const page = await fetch(`http://localhost:${port}/sign-in`);
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  } finally {
    server.kill("SIGTERM");
  }
});
