/**
 * The baseline for the count endpoint: a bare Node `http` server answering the same JSON, in a
 * process of its own like the app. Whatever the framework adds is measured against this.
 * Started by bench/run.ts with the port as its argument; with `--app-headers` it sends the app's
 * own count headers (the security headers and CORS, fourteen lines against two), so that the
 * cost of those bytes, to the server and to the client that parses them, can be told apart from
 * the cost of the app's code.
 */
import http from "node:http";
import { countAnswerHeaders } from "@/lib/pipeline/count-fast-path";
import { createSecurityHeaders } from "@/lib/pipeline/security-headers";

const port = Number(process.argv[2]);
const body = JSON.stringify({ total: 1234, byDomain: { "bench.example": 1234 }, updatedAt: new Date().toISOString() });
const headers = process.argv.includes("--app-headers")
  ? countAnswerHeaders(body, createSecurityHeaders({ https: false }).forPath("/api/v1/letters/bench/count"))
  : ["Content-Type", "application/json", "Cache-Control", "public, s-maxage=1"];
http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));
