const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Links work once, for one hour.",
  AccessDenied: "You cannot sign in with this address.",
};
const FALLBACK = "Signing in did not work. Please try again.";

/**
 * What to tell a person Auth.js sent back with `?error=code`; never its internals. The code comes
 * from the URL, so only our own entries count: `MESSAGES["constructor"]` is Object's constructor,
 * a function, which the page cannot render.
 */
export function signInErrorMessage(code: string | string[] | undefined): string {
  return typeof code === "string" && Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : FALLBACK;
}
