// Auth.js's cookie for where to go after signing in, by its default names (plain and HTTPS).
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Whether a request's `callbackUrl` parameter and callback cookie are both absent or URLs
 * Auth.js accepts: http(s), absolute or starting with "/". Auth.js answers any other value with
 * a 500 ("server configuration" error, InvalidCallbackUrl), which anyone could trigger with a
 * link; the route refuses those requests with a 400 first. Mirrors `isValidHttpUrl` in
 * @auth/core's assertConfig.
 */
export function hasAcceptableCallbackUrls(url: URL, cookie: (name: string) => string | undefined): boolean {
  const values = [url.searchParams.get("callbackUrl") ?? undefined, ...CALLBACK_COOKIES.map(cookie)];
  return values.every((value) => !value || isHttpUrl(value, url.origin));
}

function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}
