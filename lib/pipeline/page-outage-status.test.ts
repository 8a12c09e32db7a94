import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { handleWithOutageStatus, noteRequestError } from "./page-outage-status";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

/** One request through a real server whose handler, like Next, may report an error and then send a 500 page. */
async function answer(handler: (response: ServerResponse) => void): Promise<Response> {
  const server = createServer((_request, response) => handleWithOutageStatus(response, () => handler(response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/letters/x`);
  } finally {
    server.close();
  }
}

const errorPage = (response: ServerResponse) => {
  response.statusCode = 500;
  response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  response.end("<h1>Something went wrong</h1>");
};

// In this order: the process remembers an outage for a few seconds.
describe("handleWithOutageStatus", () => {
  it("leaves a 500 that was a bug a 500", async () => {
    const response = await answer((res) => {
      noteRequestError(new Error("undefined is not a function"));
      errorPage(res);
    });
    expect(response.status).toBe(500);
    expect(response.headers.get("Retry-After")).toBeNull();
  });

  it("answers a page that failed for want of the database 503 with Retry-After, uncached", async () => {
    const response = await answer((res) => {
      noteRequestError(refused);
      errorPage(res);
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toContain("Something went wrong");
  });

  it("takes a 500 sent with writeHead's own headers, right after an outage noted elsewhere, for the outage", async () => {
    const response = await answer((res) => {
      res.writeHead(500, "Internal Server Error", { "Cache-Control": "s-maxage=10" });
      res.end();
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("leaves every other status alone", async () => {
    const response = await answer((res) => {
      noteRequestError(refused);
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("cached page");
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Retry-After")).toBeNull();
  });
});
