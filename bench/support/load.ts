import autocannon from "autocannon";

export type TLoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  statusCounts: Record<string, number>;
};

export type TLoadOptions = {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body per request (distinct addresses, one token each). */
  body?: () => string;
};

/**
 * Drives `url` with autocannon for a fixed time on loopback. An error is a failed connection, a
 * timeout or any answer other than 2xx, and throughput counts 2xx answers only: a benchmark
 * that counted 429s or 500s as throughput would measure how fast we refuse.
 */
export async function runLoad(options: TLoadOptions): Promise<TLoadResult> {
  const { body } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    method: options.method ?? "GET",
    headers: options.headers,
    requests: body ? [{ setupRequest: (request) => ({ ...request, body: body() }) }] : undefined,
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = (stats as { count: number }).count;
  return {
    // Answered with a 2xx per second: autocannon's own average counts every answer, and a limit
    // that refuses half the requests would double the figure it reports.
    requestsPerSecond: Math.round(result["2xx"] / Math.max(result.duration, 1e-3)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    statusCounts,
  };
}
