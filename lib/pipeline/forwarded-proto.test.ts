import { describe, expect, it } from "vitest";
import { forwardedOverHttps } from "./forwarded-proto";

describe("forwardedOverHttps", () => {
  it("believes the nearest trusted proxy's X-Forwarded-Proto", () => {
    expect(forwardedOverHttps({ "x-forwarded-proto": "https" }, 1)).toBe(true);
    expect(forwardedOverHttps({ "x-forwarded-proto": "HTTPS " }, 2)).toBe(true);
    // Appended by a second proxy: the last entry is the nearest one's.
    expect(forwardedOverHttps({ "x-forwarded-proto": "http, https" }, 2)).toBe(true);
    expect(forwardedOverHttps({ "x-forwarded-proto": "https, http" }, 2)).toBe(false);
    expect(forwardedOverHttps({ "x-forwarded-proto": "http" }, 1)).toBe(false);
    expect(forwardedOverHttps({}, 1)).toBe(false);
  });

  it("ignores the header when no proxy of ours is in front: it is then only the client's claim", () => {
    expect(forwardedOverHttps({ "x-forwarded-proto": "https" }, 0)).toBe(false);
  });
});
