import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { expect, test } from "./support/fixtures";

// Headers that make a browser refuse to frame our pages (clickjacking a sign or publish
// button), to sniff content types, to leak a letter's address or a link's token in Referer, or
// to lend our pages a camera. Every kind of response carries them: pages, the API, the count
// answered before Next, the organiser side.

const PATHS = ["/", `/letters/${DEMO_LETTER_SLUG}`, "/api/v1/letters", `/api/v1/letters/${DEMO_LETTER_SLUG}/count`, "/sign-in", "/api/health"];

test("every response carries the security headers; only the badge may be framed", async ({ request }) => {
  // Twice for the count: the second answer comes from the fast path in front of Next.
  for (const path of [...PATHS, `/api/v1/letters/${DEMO_LETTER_SLUG}/count`]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // The app under test is served over http: no HSTS pin for localhost.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const badge = (await request.get(`/letters/${DEMO_LETTER_SLUG}/badge.svg`)).headers();
  expect(badge["x-frame-options"]).toBeUndefined();
  expect(badge["x-content-type-options"]).toBe("nosniff");
});
