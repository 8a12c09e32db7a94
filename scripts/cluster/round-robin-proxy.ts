import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small round-robin HTTP reverse proxy for `npm run start:cluster`: it spreads requests over
 * the instances on this machine and appends the client's address to X-Forwarded-For, so the
 * per-client rate limit (which reads the last entry, lib/wiring/client-address.ts) still sees
 * each client rather than the proxy. Responses are streamed, so server-sent events pass through.
 * It is a local convenience, not a production load balancer: no health checks, no WebSockets.
 */
export type TRoundRobinProxy = { port: number; close(): Promise<void> };

// Hop-by-hop headers describe one connection; Node sets its own on each side.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** The client's address as the app should see it: IPv4 clients without Node's `::ffff:` prefix. */
function clientAddress(socket: { remoteAddress?: string }): string {
  return (socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}

export function forwardedFor(existing: string | string[] | undefined, client: string): string {
  const previous = Array.isArray(existing) ? existing.join(", ") : existing;
  return previous ? `${previous}, ${client}` : client;
}

export async function startRoundRobinProxy(options: {
  port: number;
  /** Ports of the instances on 127.0.0.1, taken in turn. */
  upstreamPorts: readonly number[];
  log?: (message: string) => void;
}): Promise<TRoundRobinProxy> {
  const { upstreamPorts, log = () => {} } = options;
  if (upstreamPorts.length === 0) throw new Error("The proxy needs at least one instance.");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  let next = 0;

  const server = http.createServer((request, response) => {
    const upstreamPort = upstreamPorts[next++ % upstreamPorts.length]!;
    const headers = endToEnd(request.headers);
    headers["x-forwarded-for"] = forwardedFor(request.headers["x-forwarded-for"], clientAddress(request.socket));
    headers["x-forwarded-proto"] ??= "http";
    if (request.headers.host) headers["x-forwarded-host"] ??= request.headers.host;

    const upstream = http.request({ host: "127.0.0.1", port: upstreamPort, method: request.method, path: request.url, headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      log(`proxy: instance on port ${upstreamPort} failed a request: ${error.message}`);
      if (!response.headersSent) {
        response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
        response.end("Bad gateway: the instance did not answer.\n");
      } else {
        response.destroy();
      }
    });
    // A client that goes away (a closed tab on a live-count stream) must not keep the upstream open.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        agent.destroy();
      }),
  };
}
