import http from "node:http";

export type TSubscribers = {
  connected: () => number;
  /** Resolves with each subscriber's delay (ms after `since`) until it saw a total of at least `total`. */
  waitForTotal: (total: number, since: number, timeoutMs: number) => Promise<{ delaysMs: number[]; missing: number }>;
  close: () => void;
};

/**
 * `count` live-count subscribers, each its own HTTP connection to the event stream, as that many
 * open browser tabs would be. Each remembers the highest total it has received and when.
 */
export async function openSubscribers(url: string, count: number): Promise<TSubscribers> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const latest: { total: number; at: number }[] = [];
  const requests: http.ClientRequest[] = [];
  let connected = 0;
  const open = (index: number) => {
    latest[index] = { total: -1, at: 0 };
    return new Promise<void>((resolve) => {
      const request = http.get(url, { agent, headers: { Accept: "text/event-stream" } }, (response) => {
        connected += 1;
        resolve();
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const total = Number(event.match(/"total":(\d+)/)?.[1] ?? NaN);
            if (!Number.isNaN(total) && total > latest[index]!.total) latest[index] = { total, at: performance.now() };
          }
        });
      });
      request.on("error", () => resolve());
      requests.push(request);
    });
  };
  // Opened a few hundred at a time: a browser crowd arrives over seconds, not in one tick. (Each
  // request starts when it is created, so the slices are created in turn: creating all 5,000
  // first and awaiting them in slices opened them all at once, and on a slow machine a hundred
  // of them failed to open.)
  for (let start = 0; start < count; start += 500) {
    await Promise.all(Array.from({ length: Math.min(500, count - start) }, (_, offset) => open(start + offset)));
  }
  return {
    connected: () => connected,
    async waitForTotal(total, since, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline && latest.some((entry) => entry.total < total)) await new Promise((resolve) => setTimeout(resolve, 50));
      const reached = latest.filter((entry) => entry.total >= total);
      return { delaysMs: reached.map((entry) => Math.max(0, Math.round(entry.at - since))).sort((a, b) => a - b), missing: latest.length - reached.length };
    },
    close() {
      for (const request of requests) request.destroy();
      agent.destroy();
    },
  };
}
