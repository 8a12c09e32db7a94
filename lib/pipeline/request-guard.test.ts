import { describe, expect, it } from "vitest";
import { API_BODY_LIMIT_BYTES, FORM_BODY_LIMIT_BYTES, refusalFor, type TGuardedRequest } from "./request-guard";

const APP_URL = "https://undersigned.example";
const post = (pathname: string, headers: TGuardedRequest["headers"]) => refusalFor({ method: "POST", pathname, headers }, APP_URL);

describe("refusalFor", () => {
  it("lets this site's pages change state, as configured or as the request reached us", () => {
    expect(post("/organise", { origin: "https://undersigned.example" })).toBeUndefined();
    expect(post("/organise", { origin: "https://UNDERSIGNED.example" })).toBeUndefined();
    expect(post("/organise", { origin: "http://localhost:3000", host: "localhost:3000" })).toBeUndefined();
    expect(post("/api/auth/signin/nodemailer", { origin: "https://undersigned.example", "sec-fetch-site": "same-origin" })).toBeUndefined();
  });

  it("refuses state changes from any other website, server actions and the JSON API alike", () => {
    for (const origin of ["https://evil.example", "https://undersigned.example.evil.example", "http://undersigned.example:8080", "null", "not a url"]) {
      expect(post("/organise/letters/1", { origin, host: "undersigned.example" }), origin).toBe("CROSS_SITE_REQUEST");
      expect(post("/api/v1/confirmations", { origin, host: "undersigned.example" }), origin).toBe("CROSS_SITE_REQUEST");
    }
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      expect(refusalFor({ method, pathname: "/api/x", headers: { origin: "https://evil.example" } }, APP_URL), method).toBe("CROSS_SITE_REQUEST");
    }
    // A browser that sent no Origin still says where the request came from.
    expect(post("/organise", { "sec-fetch-site": "cross-site" })).toBe("CROSS_SITE_REQUEST");
    expect(post("/organise", { "sec-fetch-site": "same-site" })).toBe("CROSS_SITE_REQUEST");
  });

  it("leaves reads, tools without a browser's headers, and the public signing endpoint alone", () => {
    expect(refusalFor({ method: "GET", pathname: "/organise", headers: { origin: "https://evil.example" } }, APP_URL)).toBeUndefined();
    expect(post("/organise", {})).toBeUndefined();
    expect(post("/api/v1/letters/a-letter/signatures", { origin: "https://evil.example", "content-length": "200" })).toBeUndefined();
    expect(post("/api/v1/letters/a-letter/signatures/../../confirmations", { origin: "https://evil.example" })).toBe("CROSS_SITE_REQUEST");
  });

  it("refuses a body over its limit, or of unknown length, before reading it", () => {
    expect(post("/api/v1/letters/a/signatures", { "content-length": String(API_BODY_LIMIT_BYTES) })).toBeUndefined();
    expect(post("/api/v1/letters/a/signatures", { "content-length": String(API_BODY_LIMIT_BYTES + 1) })).toBe("PAYLOAD_TOO_LARGE");
    expect(post("/letters/a", { "content-length": String(FORM_BODY_LIMIT_BYTES) })).toBeUndefined();
    expect(post("/letters/a", { "content-length": String(FORM_BODY_LIMIT_BYTES + 1) })).toBe("PAYLOAD_TOO_LARGE");
    expect(post("/letters/a", { "transfer-encoding": "chunked" })).toBe("LENGTH_REQUIRED");
    expect(post("/api/v1/letters/a/signatures", { "transfer-encoding": "chunked", origin: "https://evil.example" })).toBe("LENGTH_REQUIRED");
  });
});
