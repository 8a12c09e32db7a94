import { describe, expect, it } from "vitest";
import { canHappen, isEditable, nextStatus, type TLetterEvent } from "./lifecycle";

const EVENTS: TLetterEvent[] = ["publish", "submit", "withdraw-submission", "approve", "reject", "close"];

describe("letter lifecycle", () => {
  it.each([
    ["DRAFT", "publish", "OPEN"],
    ["DRAFT", "submit", "IN_REVIEW"],
    ["IN_REVIEW", "approve", "OPEN"],
    ["IN_REVIEW", "reject", "DRAFT"],
    ["IN_REVIEW", "withdraw-submission", "DRAFT"],
    ["OPEN", "close", "CLOSED"],
  ] as const)("%s --%s--> %s", (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it("allows nothing else, with a message saying why", () => {
    const allowed = new Set(["DRAFT:publish", "DRAFT:submit", "IN_REVIEW:approve", "IN_REVIEW:reject", "IN_REVIEW:withdraw-submission", "OPEN:close"]);
    for (const from of ["DRAFT", "IN_REVIEW", "OPEN", "CLOSED"] as const) {
      for (const event of EVENTS) {
        const key = `${from}:${event}`;
        expect(canHappen(from, event), key).toBe(allowed.has(key));
        if (!allowed.has(key)) expect(() => nextStatus(from, event)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
      }
    }
  });

  it("keeps a closed letter closed and its words fixed once it has left the draft state", () => {
    expect(EVENTS.some((event) => canHappen("CLOSED", event))).toBe(false);
    expect(isEditable("DRAFT")).toBe(true);
    expect(["IN_REVIEW", "OPEN", "CLOSED"].map((status) => isEditable(status as "OPEN"))).toEqual([false, false, false]);
  });
});
