import { spawn, type ChildProcess } from "node:child_process";
import { productionServerArgs } from "@/scripts/launch";
import { expect, test } from "./support/fixtures";

// Behind a load balancer that ends TLS, the app sees plain http whatever the visitor used, so
// it learns about HTTPS from the balancer's X-Forwarded-Proto. A trusted proxy's word turns on
// HSTS, so the browser never again tries plain http (where a network attacker could answer
// first). Without a trusted proxy the header is only the client's claim: it is ignored. This
// starts a production server on the suite's build as if behind one balancer, with an http
// APP_URL, so that HSTS can only come from the header.

const port = Number(process.env.E2E_PORT ?? 3100) + 98;

async function startServerBehindProxy(): Promise<ChildProcess> {
  const server = spawn(process.execPath, productionServerArgs(port), {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: `http://localhost:${port}`,
      TRUSTED_PROXY_HOPS: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      AUTH_SECRET: "proxy-secret-proxy-secret-proxy-secret-proxy",
      EMAIL_HMAC_KEY: "proxy-email-key-proxy-email-key-proxy-email",
      SMTP_URL: "smtp://127.0.0.1:9",
      EMAIL_FROM: "Undersigned <letters@letters.example>",
      // It shares the suite's database: it must not claim the suite's emails or fold its counts.
      BACKGROUND_JOBS: "off",
    },
    stdio: "ignore",
  });
  try {
    await expect
      .poll(
        () =>
          fetch(`http://localhost:${port}/api/ping`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
  } catch (error) {
    // Not left running (on a port of the suite's) when it does not come up in time.
    server.kill("SIGTERM");
    throw error;
  }
  return server;
}

test("behind a trusted proxy, X-Forwarded-Proto: https turns on HSTS on every kind of response; plain http does not", async ({ request }) => {
  test.setTimeout(90_000);
  const server = await startServerBehindProxy();
  try {
    const paths = ["/", "/sign-in", "/api/v1/letters", "/api/ping"];
    for (const path of paths) {
      const overHttps = await fetch(`http://localhost:${port}${path}`, { headers: { "x-forwarded-proto": "https" } });
      expect(overHttps.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
      const overHttp = await fetch(`http://localhost:${port}${path}`, { headers: { "x-forwarded-proto": "http" } });
      expect(overHttp.headers.get("strict-transport-security"), path).toBeNull();
      expect((await fetch(`http://localhost:${port}${path}`)).headers.get("strict-transport-security"), path).toBeNull();
    }
  } finally {
    server.kill("SIGTERM");
  }
  // The suite's own server has no proxy in front: the same claim from a client changes nothing.
  const direct = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(direct.headers()["strict-transport-security"]).toBeUndefined();
});
