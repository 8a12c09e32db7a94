import http from "node:http";

/**
 * A bare HTTP client for the fuzz specs. Playwright's request fixture and fetch both tidy a URL
 * before sending it (re-encoding, resolving `..`), and the fuzz must put the exact bytes it
 * generated on the wire, as a hostile client would.
 */
export type TFuzzRequest = {
  method?: string;
  /** Sent as is: already percent-encoded, may hold broken escapes on purpose. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * The loopback address to connect from (127.x.y.z). The server under test has no proxy in
   * front, so the TCP peer is the client its per-client rate limit counts: a fuzz spread over
   * many addresses reaches validation in every case, and leaves other specs' allowance alone.
   */
  from?: string;
  /** Stop reading after the status and headers (an event stream never ends). */
  headersOnly?: boolean;
};

export type TFuzzResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

const url = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");
// The production server listens on IPv4 (0.0.0.0); connecting to 127.0.0.1 lets `from` pick any
// loopback source address.
const HOST = "127.0.0.1";
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function send(request: TFuzzRequest): Promise<TFuzzResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: HOST,
        port: url.port,
        method: request.method ?? "GET",
        path: request.path,
        headers: { host: url.host, ...request.headers },
        // Sockets are pooled per source address; a one-off address gets a connection of its own.
        ...(request.from ? { localAddress: request.from, agent: false } : { agent }),
        timeout: 20_000,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (request.headersOnly) {
          resolve({ status, headers: response.headers, body: "" });
          response.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${request.method ?? "GET"} ${request.path.slice(0, 200)} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** A distinct loopback source address per case number (127.1.0.1 onwards), for `from`. */
export function loopbackAddress(caseNumber: number): string {
  const n = caseNumber + 1;
  return `127.1.${(n >> 8) & 0xff}.${n & 0xff}`;
}
