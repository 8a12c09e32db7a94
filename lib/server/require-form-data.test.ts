import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { requireFormData } from "./require-form-data";

describe("requireFormData", () => {
  it("passes a posted form through", () => {
    const form = new FormData();
    expect(requireFormData(form)).toBe(form);
  });

  it("refuses any other argument a rewritten form could put in its place as FORM_UNREADABLE", () => {
    for (const value of [undefined, null, "token", 1, [], { get: () => "x" }, new URLSearchParams("token=x")]) {
      expect(() => requireFormData(value)).toThrow(expect.objectContaining({ code: "FORM_UNREADABLE" }) as AppError);
    }
  });
});
