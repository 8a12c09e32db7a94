import { describe, expect, it } from "vitest";
import { isAuthRoute } from "./auth-routes";

describe("the Auth.js endpoints of this app", () => {
  it("are its actions and the email provider's sign-in and callback", () => {
    for (const path of ["session", "csrf", "providers", "signin", "signout", "verify-request", "error", "signin/email", "callback/email"]) {
      expect(isAuthRoute(path.split("/")), path).toBe(true);
    }
  });

  it("are nothing else: WebAuthn, other providers, made-up actions, longer paths", () => {
    for (const path of [
      "webauthn-options",
      "webauthn-options/email",
      "signin/nodemailer",
      "callback/github",
      "session/email",
      "\u0000",
      "",
      "callback/email/x",
      "__proto__",
      "constructor",
    ]) {
      expect(isAuthRoute(path.split("/")), path).toBe(false);
    }
  });
});
