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
  /** Send the body in chunks, without a Content-Length (Node adds one to a body sent whole). */
  chunked?: boolean;
};

export type TFuzzResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

const url = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");
// The production server listens on IPv4 (0.0.0.0); connecting to 127.0.0.1 lets `from` pick any
// loopback source address.
const HOST = "127.0.0.1";
// As many sockets as a fuzz has requests in flight (see fuzz-checks.ts), so none waits for one.
// An idle socket is dropped after 4 s: the server closes one idle for 5 s (Node's keepAliveTimeout),
// and Node's agent heeds the server's "Keep-Alive: timeout=5" only when it has a timeout of its
// own. Without one, a socket idle since an earlier spec was reused as the server closed it: two
// cases of one CI run failed with ECONNRESET and no response, which measured nothing of the app.
const agent = new http.Agent({ keepAlive: true, maxSockets: 32, timeout: 4_000 });

export function send(request: TFuzzRequest): Promise<TFuzzResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: HOST,
        port: url.port,
        method: request.method ?? "GET",
        path: request.path,
        headers: { host: url.host, ...request.headers, ...(request.chunked ? { "transfer-encoding": "chunked" } : {}) },
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
    if (request.chunked && request.body !== undefined) outgoing.write(request.body);
    outgoing.end(request.chunked ? undefined : request.body);
  });
}

/** The request line and headers' size, as the server counts it against Node's `maxHeaderSize` (16 KB). */
export function headBytes(request: TFuzzRequest): number {
  const headers = Object.entries({ host: url.host, ...request.headers });
  return Buffer.byteLength(
    `${request.method ?? "GET"} ${request.path} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join("")}`,
    "latin1",
  );
}

/** One exchange, for a failure message: what was sent and what came back, each cut short. */
export function describeExchange(request: TFuzzRequest, response?: TFuzzResponse): string {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([name, value]) => [name, cut(value, 120)]));
  const body = request.body === undefined ? "" : `\n  body: ${cut(JSON.stringify(request.body.toString()), 400)}`;
  const sent = `  ${request.method ?? "GET"} ${cut(request.path, 400)}${request.chunked ? " (chunked)" : ""}${request.from ? ` from ${request.from}` : ""}\n  headers: ${JSON.stringify(headers)}${body}`;
  return response ? `${sent}\n  → ${response.status} ${response.headers["content-type"] ?? ""}: ${cut(response.body, 400)}` : `${sent}\n  → no response`;
}

/** A distinct loopback source address per case number (127.1.0.1 onwards), for `from`. */
export function loopbackAddress(caseNumber: number): string {
  const n = caseNumber + 1;
  return `127.1.${(n >> 8) & 0xff}.${n & 0xff}`;
}
