/**
 * The Auth.js endpoints under /api/auth that exist for this app: its actions, with `email` the
 * only provider. Auth.js answers some other paths (`/webauthn-options`, a provider we do not
 * have, a malformed action) with a 500, which anyone could trigger at will; those are refused
 * with a 404 before Auth.js sees them.
 */
const PLAIN_ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "verify-request", "error"]);
const PROVIDER_ACTIONS = new Set(["signin", "callback"]);
const PROVIDERS = new Set(["email"]);

/** Whether `segments` (the path after /api/auth/, decoded) name an Auth.js endpoint of this app. */
export function isAuthRoute(segments: readonly string[]): boolean {
  const [action = "", provider, ...rest] = segments;
  if (rest.length > 0) return false;
  return provider === undefined ? PLAIN_ACTIONS.has(action) : PROVIDER_ACTIONS.has(action) && PROVIDERS.has(provider);
}
