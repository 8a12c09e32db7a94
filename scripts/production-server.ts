/**
 * The production web process: Next's request handler behind a Node `http` server of our own,
 * whose steps in front of Next (security headers, refusals, the client's address, the hot
 * endpoints answered without Next, nonces) are lib/pipeline/request-pipeline.ts, in their order.
 * This file only wires them: configuration, the jobs process, start and shutdown.
 *
 * `node --import tsx scripts/production-server.ts [--port N]` (PORT and HOSTNAME otherwise), on a
 * production build; started by `npm start`, `npm run start:cluster`, the e2e tests and the bench.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import compression from "compression";
import next from "next";
import { appUrlPortWarning } from "@/lib/config/app-url-check";
import { localAppUrl, ZRawEnv } from "@/lib/config/env";
import { superviseJobsProcess } from "@/lib/jobs/supervise-jobs-process";
import type { TCountPeek } from "@/lib/pipeline/count-fast-path";
import type { THotPostHandlers } from "@/lib/pipeline/hot-post-fast-path";
import { createPageCache, installProcessPageCache } from "@/lib/pipeline/page-cache";
import { createRequestPipeline } from "@/lib/pipeline/request-pipeline";
import { placeholderNonce } from "@/lib/pipeline/script-nonces";
import { createSecurityHeaders } from "@/lib/pipeline/security-headers";

const portFlag = process.argv.indexOf("--port");
const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
// The app's configuration (lib/config/env.ts) reads PORT: a local run without APP_URL then
// builds every link, and Auth.js its redirects, on the port actually served.
process.env.PORT = String(port);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedProxyHops = ZRawEnv.shape.TRUSTED_PROXY_HOPS.parse(process.env.TRUSTED_PROXY_HOPS || undefined);
const appUrl = process.env.APP_URL || localAppUrl(port);
const appUrlWarning = appUrlPortWarning({ appUrl, listenPort: port, trustedProxyHops });
const securityHeaders = createSecurityHeaders({ https: appUrl.startsWith("https://") });
const noncePlaceholder = placeholderNonce(process.env.AUTH_SECRET);
// Next's own compression is off (next.config.js): it would compress before the nonce is swapped in.
// The middleware works on plain Node requests and responses; its types name Express's.
const compress = compression() as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const noop = () => {};
// Shared with the revalidation inside Next's bundle, which drops it when an organiser's change shows.
const pageCache = createPageCache();
installProcessPageCache(pageCache);

// The counts are created inside Next's bundle (lib/wiring/live-counts.ts) on the first request
// that needs them and kept on globalThis; until then the route handler answers.
const peekCounts = (): TCountPeek | undefined => {
  const hub = (globalThis as { undersignedLiveCounts?: { hub: { peek: TCountPeek } } }).undersignedLiveCounts?.hub;
  return hub ? (slug) => hub.peek(slug) : undefined;
};

// The background jobs run in a child process of their own by default, so that delivering a
// signing spike's emails (or failing to, while the mail server is down) takes nothing from the
// requests. This process's Next app then runs none itself (lib/wiring/background-jobs.ts).
const jobs =
  (process.env.BACKGROUND_JOBS || "separate-process") === "separate-process"
    ? superviseJobsProcess({ script: path.join(import.meta.dirname, "jobs-process.ts"), env: { ...process.env, BACKGROUND_JOBS: "in-process" } })
    : undefined;
if (jobs) {
  process.env.BACKGROUND_JOBS = "off";
  (globalThis as { undersignedKickJobsProcess?: () => void }).undersignedKickJobsProcess = jobs.kickOutbox;
}

// Registered from inside Next's bundle at start-up (lib/adapters/hot-posts.ts).
const hotPosts = () => (globalThis as { undersignedHotPosts?: THotPostHandlers }).undersignedHotPosts;

// Next builds request URLs (and so Auth.js its redirects) from these, as `next start` does:
// "localhost" when listening on every interface, never the wildcard address.
const app = next({ dev: false, dir: process.cwd(), hostname: hostname === "0.0.0.0" ? "localhost" : hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(
  createRequestPipeline({
    appUrl,
    trustedProxyHops,
    securityHeaders,
    noncePlaceholder,
    peekCounts,
    hotPosts,
    pageCache,
    compress: (request, response) => compress(request, response, noop),
    next: handle,
  }),
);

server.listen(port, hostname, () => {
  console.log(`[undersigned] Serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  if (appUrlWarning) console.warn(`[undersigned] ⚠ ${appUrlWarning}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Finish the requests in flight and the jobs process's batch, then leave (at most 5 s: open
    // event streams would hold it for ever). Leaving first let the jobs process outlive its
    // server: whatever stopped the server next (a test dropping its database) cut its batch.
    const jobsStopped = jobs?.stop() ?? Promise.resolve();
    server.close(() => void jobsStopped.then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
