import { describe, expect, it } from "vitest";
import { describeDraftChanges, type TDraftState } from "./draft-state";

const opened: TDraftState = {
  title: "Cancel the contract",
  slug: "cancel-the-contract",
  addressee: "Satya Nadella",
  bodyMarkdown: "Dear Satya,",
  demands: [
    { key: "a", id: "a", text: "Cancel the contract" },
    { key: "b", id: "b", text: "Publish a policy" },
  ],
  openToAnyDomain: false,
  domains: [{ key: "d", domain: "microsoft.com", includeSubdomains: false }],
  goal: "",
  closesAt: "",
  collectJobTitle: false,
  collectTeam: false,
  allowComments: true,
  allowPublicNames: true,
  discreetEmails: true,
  nameThresholds: "25, 100",
  teams: "",
};

describe("describeDraftChanges", () => {
  it("says nothing changed when nothing did", () => {
    expect(describeDraftChanges(opened, structuredClone(opened))).toEqual([]);
  });

  it("names each changed field with its new value", () => {
    const current: TDraftState = {
      ...opened,
      title: "Cancel the ICE contract",
      bodyMarkdown: "Dear Mr Nadella,",
      demands: [opened.demands[0]!, { key: "c", id: "c", text: "Stop new contracts" }],
      domains: [{ key: "d", domain: "microsoft.com", includeSubdomains: true }],
      goal: "1000",
      allowComments: false,
    };
    expect(describeDraftChanges(opened, current)).toEqual([
      "Title: now “Cancel the ICE contract”",
      "Letter: the text was edited",
      "Demands: added “Stop new contracts”; removed “Publish a policy”",
      "Who may sign: now microsoft.com and subdomains",
      "Signature goal: now “1000”",
      "Comments: now off",
    ]);
  });

  it("reports a reorder or a rewording without inventing additions", () => {
    const current = { ...opened, demands: [opened.demands[1]!, opened.demands[0]!] };
    expect(describeDraftChanges(opened, current)).toEqual(["Demands: reworded or reordered"]);
  });
});
