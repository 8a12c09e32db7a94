import { describe, expect, it } from "vitest";
import { isMailServerUnreachable } from "./is-mail-server-unreachable";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isMailServerUnreachable", () => {
  it.each(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ETLS", "EPROTOCOL", "ECONNREFUSED", "ECONNRESET", "ENOTFOUND"])(
    "counts %s as the server's failure",
    (code) => expect(isMailServerUnreachable(withCode(code))).toBe(true),
  );

  it("counts a connection closed before the server spoke, which nodemailer reports without a code", () => {
    expect(isMailServerUnreachable(new Error("Unexpected socket close"))).toBe(true);
  });

  it.each(["EENVELOPE", "EMESSAGE", "EAUTH_NOT_LISTED"])("leaves %s to the one email it failed", (code) => {
    expect(isMailServerUnreachable(withCode(code))).toBe(false);
  });

  it("leaves an email's own failures, and things that are not errors, to the email", () => {
    expect(isMailServerUnreachable(new Error('Unknown email template "x"'))).toBe(false);
    // A code decides: the same words under another code are that code's.
    expect(isMailServerUnreachable(withCode("EENVELOPE", "Unexpected socket close"))).toBe(false);
    expect(isMailServerUnreachable(undefined)).toBe(false);
    expect(isMailServerUnreachable("ECONNREFUSED")).toBe(false);
  });
});
