import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { formFields, formText, formTexts, jsonPayload, requireFormData } from "./form-fields";

const form = (entries: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("reading a posted form", () => {
  it("passes a posted form through", () => {
    const posted = new FormData();
    expect(requireFormData(posted)).toBe(posted);
  });

  it("refuses any other argument a rewritten form could put in its place as FORM_UNREADABLE", () => {
    for (const value of [undefined, null, "token", 1, [], { get: () => "x" }, new URLSearchParams("token=x")]) {
      expect(() => requireFormData(value)).toThrow(expect.objectContaining({ code: "FORM_UNREADABLE" }) as AppError);
      expect(() => formFields(value)).toThrow(expect.objectContaining({ code: "FORM_UNREADABLE" }) as AppError);
    }
  });

  it("gives a schema every field but React's own", () => {
    expect(formFields(form({ $ACTION_ID_abc: "", "$ACTION_1:0": "{}", reason: "spam", id: "42" }))).toEqual({ reason: "spam", id: "42" });
  });

  it("reads text fields as typed, and an absent field, a file or no form at all as empty", () => {
    const posted = form({ name: "  Ada  ", upload: new Blob(["x"]) });
    expect(formText(posted, "name")).toBe("  Ada  ");
    expect(formText(posted, "upload")).toBe("");
    expect(formText(posted, "missing")).toBe("");
    expect(formText("not a form", "name")).toBe("");
    expect(formTexts(posted, ["name", "missing"])).toEqual({ name: "  Ada  ", missing: "" });
  });

  it("parses the JSON payload, and gives null for none or for what is not JSON", () => {
    expect(jsonPayload(form({ payload: '{"title":"T"}' }))).toEqual({ title: "T" });
    expect(jsonPayload(form({}))).toBeNull();
    expect(jsonPayload(form({ payload: "{not json" }))).toBeNull();
  });
});
