import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { normaliseTeam, parseTeamList, sameTeam, signerTeam, teamKey } from "./team-name";

describe("team names", () => {
  it("tidies spaces and matches regardless of case and spacing", () => {
    expect(normaliseTeam("  Azure \t  Core ")).toBe("Azure Core");
    expect(teamKey("  Azure \t  CORE ")).toBe("azure core");
    expect(sameTeam("azure  core", " AZURE CORE")).toBe(true);
    expect(sameTeam("Azure Core", "Azure Cor")).toBe(false);
  });

  it("records no team unless the letter asks, the list's spelling where it has a list, and the tidied text otherwise", () => {
    expect(signerTeam({ collectTeam: false, teams: [] }, "Red")).toBeNull();
    expect(signerTeam({ collectTeam: true, teams: [] }, "   ")).toBeNull();
    expect(signerTeam({ collectTeam: true, teams: [] }, undefined)).toBeNull();
    expect(signerTeam({ collectTeam: true, teams: [] }, " red   team ")).toBe("red team");
    expect(signerTeam({ collectTeam: true, teams: ["Red Team", "Blue"] }, "RED team")).toBe("Red Team");
    expect(() => signerTeam({ collectTeam: true, teams: ["Red Team"] }, "Green")).toThrow(AppError);
  });

  it("reads an organiser's list: blank lines dropped, no team twice, none too long, at most 100", () => {
    expect(parseTeamList(["Red", "", "  Blue  team ", " "])).toEqual({ ok: true, teams: ["Red", "Blue team"] });
    expect(parseTeamList(["Red", "red "])).toEqual({ ok: false, message: expect.stringContaining('"red" is listed twice') });
    expect(parseTeamList(["x".repeat(121)])).toMatchObject({ ok: false, message: expect.stringContaining("at most 120") });
    expect(parseTeamList(Array.from({ length: 101 }, (_, i) => `Team ${i}`))).toEqual({ ok: false, message: "List at most 100 teams." });
    expect(parseTeamList([...Array.from({ length: 100 }, (_, i) => `Team ${i}`), "", ""])).toMatchObject({ ok: true });
  });
});
