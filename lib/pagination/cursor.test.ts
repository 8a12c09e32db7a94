import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { decodeCursor, encodeCursor, toPage } from "./cursor";

const cursor = { at: new Date("2026-11-29T10:00:00.123Z"), id: "6f1c2a4e-8a0b-4c1d-9e2f-0a1b2c3d4e5f" };

describe("cursors", () => {
  it("round-trips and stays opaque", () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor("")).toBeNull();
  });

  it.each(["not-base64!", Buffer.from("{}").toString("base64url"), Buffer.from('{"at":"x","id":"y"}').toString("base64url")])(
    "refuses %s as INVALID_INPUT on the cursor field",
    (raw) => {
      let thrown: unknown;
      try {
        decodeCursor(raw);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe("INVALID_INPUT");
      expect((thrown as AppError).fields).toHaveProperty("cursor");
    },
  );

  it("pages: the extra row says there is more, and the cursor points at the last row shown", () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(Date.UTC(2026, 0, 4 - n)), id: cursor.id }));
    const page = toPage(rows, 2, (row) => ({ at: row.at, id: row.id }));
    expect(page.items.map((row) => row.n)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor)).toEqual({ at: rows[1]!.at, id: cursor.id });
    expect(toPage(rows, 3, (row) => ({ at: row.at, id: row.id })).nextCursor).toBeNull();
  });
});
