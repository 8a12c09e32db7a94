import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type TDb } from "@/lib/db/prisma";
import { errorResponse } from "@/lib/adapters/api-answer";
import { toAppError } from "./to-app-error";

// While PostgreSQL restarts, its port first refuses connections, then answers every new session
// with FATAL 57P03 ("the database system is starting up"). A request that needs the database
// meanwhile must be a quick 503 with Retry-After (the client retries; a load balancer steers
// away), never a 500 that reads as a bug, nor a request that hangs.

/** A server that speaks just enough of the PostgreSQL protocol to refuse every session as a starting server does. */
async function startStartingUpServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => {
    socket.once("data", (startup) => {
      // An SSLRequest (8 bytes, code 80877103) is answered "no TLS" before the real startup.
      if (startup.length === 8 && startup.readInt32BE(4) === 80877103) {
        socket.write("N");
        socket.once("data", () => refuse(socket));
      } else refuse(socket);
    });
  });
  const refuse = (socket: net.Socket) => {
    const fields = Buffer.from("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0", "utf8");
    const header = Buffer.alloc(5);
    header.write("E", 0);
    header.writeInt32BE(fields.length + 4, 1);
    socket.end(Buffer.concat([header, fields]));
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function failureOf(query: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const startedAt = performance.now();
  try {
    await query();
  } catch (error) {
    return { error, ms: performance.now() - startedAt };
  }
  throw new Error("the query succeeded against a database that is down");
}

describe.each([
  ["refuses connections", async () => ({ port: await closedPort(), close: async () => {} })],
  ["is starting up (57P03)", startStartingUpServer],
])("a database that %s", (_, start) => {
  let server: { port: number; close: () => Promise<void> };
  let db: TDb;
  beforeAll(async () => {
    server = await start();
    db = createPrismaClient(`postgresql://undersigned:secret@127.0.0.1:${server.port}/undersigned`, { poolSize: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.close();
  });

  it.each([
    ["a model query", () => db.letter.findFirst()],
    ["a raw query", () => db.$queryRaw`SELECT 1`],
    ["a transaction", () => db.$transaction(async (tx) => tx.letter.count())],
  ])("fails %s at once with a 503 and Retry-After", async (_, query) => {
    const { error, ms } = await failureOf(query);
    expect(ms).toBeLessThan(2_000);
    expect(toAppError(error)).toMatchObject({ code: "SERVICE_UNAVAILABLE", status: 503, retryAfterSeconds: 5 });
    const response = errorResponse(error, "test");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
  });
});
