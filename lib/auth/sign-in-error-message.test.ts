import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-error-message";

describe("signInErrorMessage", () => {
  it("explains the codes Auth.js sends", () => {
    expect(signInErrorMessage("Verification")).toMatch(/expired or has already been used/);
    expect(signInErrorMessage("AccessDenied")).toMatch(/cannot sign in/);
  });

  it("answers any other code, a repeated one or none with the general message, prototype names included", () => {
    for (const code of ["Configuration", "constructor", "__proto__", "toString", "hasOwnProperty", ["Verification", "AccessDenied"], undefined]) {
      expect(signInErrorMessage(code)).toBe("Signing in did not work. Please try again.");
    }
  });
});
