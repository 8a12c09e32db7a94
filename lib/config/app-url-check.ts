/**
 * APP_URL is the one public address: every emailed link and every Auth.js redirect is built
 * from it. When a browser uses the site at another address, sign-in cannot work: the link leads
 * elsewhere, or Auth.js's redirect after the token is spent goes to another origin and the
 * page's own `form-action 'self'` blocks it, silently. These checks say so before that happens.
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/**
 * At start: an APP_URL on this machine whose port is not the one this server listens on (and no
 * proxy in front) is a typo or a leftover, e.g. `PORT=3400` with `APP_URL=http://localhost:3000`.
 * A public APP_URL may differ from the listening port (a proxy or balancer is in front): no warning.
 */
export function appUrlPortWarning(options: { appUrl: string; listenPort: number; trustedProxyHops: number }): string | null {
  // A malformed APP_URL is the configuration check's to report, with its name.
  if (!URL.canParse(options.appUrl)) return null;
  const url = new URL(options.appUrl);
  if (!LOOPBACK_HOSTS.has(url.hostname) || options.trustedProxyHops > 0) return null;
  const port = effectivePort(url);
  if (port === options.listenPort) return null;
  return (
    `APP_URL is ${url.origin}, but this server listens on port ${options.listenPort}: emailed links and sign-in ` +
    `will lead to port ${port}. Set APP_URL=http://localhost:${options.listenPort}, or leave APP_URL unset for a local run.`
  );
}

/**
 * On a form post: the browser's `Origin` (which no proxy rewrites) against APP_URL's origin.
 * Null when they match or the browser sent none; otherwise what to tell the person.
 */
export function appUrlOriginMismatch(appUrl: string, requestOrigin: string | null | undefined): string | null {
  if (!requestOrigin || requestOrigin === "null") return null;
  const expected = new URL(appUrl).origin;
  let actual: string;
  try {
    actual = new URL(requestOrigin).origin;
  } catch {
    return null;
  }
  if (actual === expected) return null;
  return (
    `This site is set up to be used at ${expected} (its APP_URL), but you are using it at ${actual}. ` +
    `A sign-in link would lead to ${expected}, so no link was sent. Open ${expected}/sign-in, or ask whoever runs it to set APP_URL to ${actual}.`
  );
}
