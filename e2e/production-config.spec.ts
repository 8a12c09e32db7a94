import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { expect, test } from "./support/fixtures";

// An operator deploys with a setting missing. The instance must refuse to start and say which
// setting, rather than come up and fail (or run with an insecure default) on real traffic.

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function startProductionServer(settings: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, "start", "--port", "3199"], {
      env: { PATH: process.env.PATH ?? "", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...settings },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test("a production server without its secrets exits at start, naming them", async () => {
  const { code, output } = await startProductionServer({
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    APP_URL: "https://letters.example",
    EMAIL_FROM: "Undersigned <letters@letters.example>",
  });
  expect(code).toBe(1);
  expect(output).toContain("Missing production settings: AUTH_SECRET, EMAIL_HMAC_KEY, SMTP_URL");
});
