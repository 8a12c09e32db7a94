import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { CACHE_CONTROL, jsonAnswer } from "./api-answer";
import { letterRoute, publicRoute } from "./api-route";

const context = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("the public route adapter", () => {
  afterEach(() => vi.restoreAllMocks());

  it("hands the handler a valid slug and answers its JSON with CORS and the cache kind", async () => {
    const handle = vi.fn(async (_request: Request, slug: string) => jsonAnswer({ slug }, "count"));
    const response = await letterRoute("GET /x/{slug}", handle)(new Request("http://app.example/x/a-letter"), context("a-letter"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slug: "a-letter" });
    expect(response.headers.get("cache-control")).toBe(CACHE_CONTROL.count);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers anything that is not a slug with LETTER_NOT_FOUND, open to any origin and never cached, without running the handler", async () => {
    const handle = vi.fn(async () => jsonAnswer({}, "standard"));
    const response = await letterRoute("GET /x/{slug}", handle)(new Request("http://app.example/x/Not%20A%20Slug"), context("Not A Slug"));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("LETTER_NOT_FOUND");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(handle).not.toHaveBeenCalled();
  });

  it("answers a handler's failure as the API's error body, and a bug generically", async () => {
    const refused = await publicRoute("GET /y", async () => {
      throw new AppError("INVALID_INPUT", { fields: { limit: ["Use a whole number."] } });
    })(new Request("http://app.example/y"));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { fields: unknown } }).error.fields).toEqual({ limit: ["Use a whole number."] });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = await publicRoute("GET /y", async () => {
      throw new Error("secret detail");
    })(new Request("http://app.example/y"));
    expect(bug.status).toBe(500);
    expect(await bug.text()).not.toContain("secret detail");
  });

  it("passes a Response the handler built (a feed, an image) through as it is", async () => {
    const response = await publicRoute(
      "GET /feed",
      async () => new Response("<feed/>", { headers: { "Content-Type": "application/atom+xml" } }),
    )(new Request("http://app.example/feed"));
    expect(await response.text()).toBe("<feed/>");
    expect(response.headers.get("content-type")).toBe("application/atom+xml");
  });
});
