import { spawn } from "node:child_process";
import { productionServerArgs } from "@/scripts/launch";
import { expect, test } from "./support/fixtures";

// An operator deploys with a setting missing. The instance must refuse to start and say which
// setting, rather than come up and fail (or run with an insecure default) on real traffic.
// The server is the one `npm start` runs (scripts/production-server.ts), not `next start`, on a
// port beside the suite's own (E2E_PORT + 99), so that two runs on one machine do not collide.

const port = Number(process.env.E2E_PORT ?? 3100) + 99;

function startProductionServer(settings: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, productionServerArgs(port), {
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
