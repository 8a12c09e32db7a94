import { describe, expect, it } from "vitest";
import { describeSendError } from "./describe-send-error";

describe("describeSendError", () => {
  it("masks the recipient and any other address a server quotes back", () => {
    const error = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <Jane.Doe@Example.com>: Recipient unknown; try postmaster@example.com"),
      {
        code: "EENVELOPE",
      },
    );
    const described = describeSendError(error, "jane.doe@example.com");
    expect(described).toBe("EENVELOPE: Can't send mail - all recipients were rejected: 550 5.1.1 <<address>>: Recipient unknown; try <address>");
    expect(described).not.toContain("@");
  });

  it("keeps a description on one short line", () => {
    const described = describeSendError(new Error(`first line\r\nsecond line\n${"x".repeat(1_000)}`));
    expect(described).not.toMatch(/[\r\n]/);
    expect(described.startsWith("first line second line x")).toBe(true);
    expect(described.length).toBeLessThanOrEqual(300);
    expect(describeSendError("plain")).toBe("plain");
  });
});
