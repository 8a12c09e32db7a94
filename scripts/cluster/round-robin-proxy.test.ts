import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { forwardedFor, startRoundRobinProxy, type TRoundRobinProxy } from "./round-robin-proxy";

type Seen = { name: string; forwardedFor: string | undefined; body: string };

/** A stand-in instance that answers with its name and what it was sent. */
async function startEchoServer(name: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const seen: Seen = { name, forwardedFor: request.headers["x-forwarded-for"] as string | undefined, body };
      response.writeHead(201, { "content-type": "application/json", "x-instance": name });
      response.end(JSON.stringify(seen));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function proxyOver(...names: string[]): Promise<TRoundRobinProxy> {
  const upstreams = await Promise.all(names.map(startEchoServer));
  cleanup.push(...upstreams.map((upstream) => upstream.close));
  const proxy = await startRoundRobinProxy({ port: 0, upstreamPorts: upstreams.map((upstream) => upstream.port) });
  cleanup.push(proxy.close);
  return proxy;
}

describe("the cluster's round-robin proxy", () => {
  it("takes the instances in turn and passes method, body, status and headers through", async () => {
    const proxy = await proxyOver("a", "b");
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`http://127.0.0.1:${proxy.port}/api/x`, { method: "POST", body: `n=${i}` });
      expect(response.status).toBe(201);
      expect(response.headers.get("x-instance")).toMatch(/^[ab]$/);
      answers.push((await response.json()) as Seen);
    }
    expect(answers.map((seen) => seen.name)).toEqual(["a", "b", "a", "b"]);
    expect(answers.map((seen) => seen.body)).toEqual(["n=0", "n=1", "n=2", "n=3"]);
  });

  it("appends the client's address to X-Forwarded-For, so the last entry is one the client cannot forge", async () => {
    const proxy = await proxyOver("a");
    const plain = (await (await fetch(`http://127.0.0.1:${proxy.port}/`)).json()) as Seen;
    expect(plain.forwardedFor).toBe("127.0.0.1");
    const forged = (await (await fetch(`http://127.0.0.1:${proxy.port}/`, { headers: { "x-forwarded-for": "6.6.6.6" } })).json()) as Seen;
    expect(forged.forwardedFor).toBe("6.6.6.6, 127.0.0.1");
    expect(forwardedFor(["1.1.1.1", "2.2.2.2"], "3.3.3.3")).toBe("1.1.1.1, 2.2.2.2, 3.3.3.3");
  });

  it("answers 502 with Retry-After when an instance is not listening", async () => {
    const gone = await startEchoServer("gone");
    await gone.close();
    const proxy = await startRoundRobinProxy({ port: 0, upstreamPorts: [gone.port] });
    cleanup.push(proxy.close);
    const response = await fetch(`http://127.0.0.1:${proxy.port}/`);
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBe("1");
  });
});
