import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own download
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's (`apt-get install -y chromium`), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium` where the internet is reachable.",
  );
}

/** How every test launches Chromium: Playwright's specs and the integration tests that need a browser. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: findChromium(),
    // Without the networking switches Chromium keeps dialling Google's services, which this
    // closed network refuses by the hundred.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  };
}
