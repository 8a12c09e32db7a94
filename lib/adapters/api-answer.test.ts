import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./api-answer";

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a bug with a generic 500, logging the bug but never showing it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error('relation "Signature" does not exist at secret.ts:12'), "POST /x");
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } });
    expect(JSON.stringify(body)).not.toContain("Signature");
    expect(logged).toHaveBeenCalledWith("[undersigned] POST /x failed", expect.any(Error));
  });

  it("answers a database outage with 503 and Retry-After", async () => {
    const response = errorResponse(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), "POST /x");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect((await response.json()).error.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("passes an expected failure through with its fields", async () => {
    const response = errorResponse(new AppError("INVALID_INPUT", { fields: { name: ["Enter your name."] } }), "POST /x");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "INVALID_INPUT", message: "Invalid request fields: name. See `fields` for each one's problem.", fields: { name: ["Enter your name."] } },
    });
  });

  it("never gives an API client the form's wording", async () => {
    const response = errorResponse(new AppError("INVALID_INPUT", { fields: { name: ["Enter your name."], email: ["x"] } }), "POST /x");
    const body = await response.json();
    expect(body.error.message).toBe("Invalid request fields: name, email. See `fields` for each one's problem.");
    expect(JSON.stringify(body)).not.toContain("highlighted");
  });
});
