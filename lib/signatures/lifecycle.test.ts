import { describe, expect, it } from "vitest";
import { signatureMove } from "./lifecycle";

describe("signature lifecycle", () => {
  it("confirms only a pending signature", () => {
    expect(signatureMove("PENDING", "confirm")).toBe("CONFIRMED");
    for (const state of ["CONFIRMED", "WITHDRAWN", "INVALIDATED"]) expect(signatureMove(state, "confirm"), state).toBeNull();
  });

  it("ends a pending or confirmed signature either way, and an ended one never again", () => {
    for (const state of ["PENDING", "CONFIRMED"]) {
      expect(signatureMove(state, "withdraw"), state).toBe("WITHDRAWN");
      expect(signatureMove(state, "invalidate"), state).toBe("INVALIDATED");
    }
    for (const state of ["WITHDRAWN", "INVALIDATED"]) {
      for (const event of ["confirm", "withdraw", "invalidate"] as const) expect(signatureMove(state, event), `${state} ${event}`).toBeNull();
    }
  });

  it("knows no move from a state that does not exist", () => {
    expect(signatureMove("ERASED", "withdraw")).toBeNull();
    expect(signatureMove("toString", "confirm")).toBeNull();
  });
});
