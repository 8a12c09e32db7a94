import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/config/env";

// Generated rather than a file in public/: its Sitemap line must be absolute, on APP_URL.
export const dynamic = "force-dynamic";

/**
 * /robots.txt: letters and the home page are for everyone; organiser pages, sign-in and the
 * token pages of emailed links (confirm, withdraw) are not for crawlers, and say so.
 */
export default function robots(): MetadataRoute.Robots {
  const appUrl = getEnv().APP_URL.replace(/\/+$/, "");
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/organise", "/sign-in", "/sign-out", "/confirm/", "/withdraw/", "/dev/", "/api/auth/"] },
    sitemap: `${appUrl}/sitemap.xml`,
  };
}
