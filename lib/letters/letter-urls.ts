/** A letter's public addresses, absolute (they are shared, embedded and put in API answers). */
export function letterUrls(appUrl: string, slug: string) {
  const base = appUrl.replace(/\/+$/, "");
  const page = `${base}/letters/${slug}`;
  const api = `${base}/api/v1/letters/${slug}`;
  return {
    page,
    badge: `${page}/badge.svg`,
    image: `${page}/og.png`,
    feed: `${page}/feed.xml`,
    calendar: `${page}/calendar.ics`,
    api,
    count: `${api}/count`,
    countStream: `${api}/count/stream`,
    signatures: `${api}/signatures`,
  };
}
