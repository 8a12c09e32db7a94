/**
 * The baseline for the count endpoint: a bare Node `http` server answering the same JSON, in a
 * process of its own like the app. Whatever the framework adds is measured against this.
 * Started by bench/run.ts with the port as its argument.
 */
import http from "node:http";

const port = Number(process.argv[2]);
const body = JSON.stringify({ total: 1234, byDomain: { "bench.example": 1234 }, updatedAt: new Date().toISOString() });
http
  .createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "public, s-maxage=1" });
    response.end(body);
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));
