/**
 * The baseline for a page: a bare Node `http` server answering the very bytes and headers the app
 * answered for it, in a process of its own like the app. Started by bench/run.ts with the port
 * and a JSON file ({ headers, body in base64 }) as its arguments. A letter page with signers is
 * 80–90 KB, and on a 2-core machine the load generator reading that many bytes is a limit of
 * its own (seen on 3 December: this server, serving a 1,000-signature letter's 86 KB, answered
 * 1,116–1,183 a second, the app 1,040–1,132); against this the page's figure says what the app
 * costs, not what the client can read.
 */
import { readFileSync } from "node:fs";
import http from "node:http";

const port = Number(process.argv[2]);
const saved = JSON.parse(readFileSync(process.argv[3]!, "utf8")) as { headers: string[]; body: string };
const body = Buffer.from(saved.body, "base64");
const headers = [...saved.headers, "Content-Length", String(body.length)];
http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));
