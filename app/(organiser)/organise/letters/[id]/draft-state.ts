import type { TActionState } from "@/lib/errors/action-state";
import type { TLetterDraftInput } from "@/lib/letters/letter-input";
import type { TOrganiserLetter } from "@/lib/organisers/get-letter-for-organiser";

/** The editor's state: the draft as the form holds it (numbers and dates as typed). */
export type TDraftState = Omit<TLetterDraftInput, "goal" | "closesAt" | "demands" | "domains" | "nameThresholds" | "teams"> & {
  goal: string;
  /** As typed: "25, 100". */
  nameThresholds: string;
  /** As typed: one team per line. */
  teams: string;
  closesAt: string;
  demands: { key: string; id?: string; text: string }[];
  domains: { key: string; domain: string; includeSubdomains: boolean }[];
};

/** What the editor's action answers: on a refused stale save, also the draft as saved now. */
export type TDraftActionState = TActionState & { current?: TDraftState };

export function toDraftState(letter: TOrganiserLetter): TDraftState {
  return {
    title: letter.title,
    slug: letter.slug,
    addressee: letter.addressee,
    bodyMarkdown: letter.bodyMarkdown,
    demands: letter.demands.map((demand) => ({ key: demand.id, id: demand.id, text: demand.text })),
    openToAnyDomain: letter.openToAnyDomain,
    domains: letter.domainRules.map((rule) => ({ key: rule.id, domain: rule.domain, includeSubdomains: rule.includeSubdomains })),
    goal: letter.goal?.toString() ?? "",
    closesAt: letter.closesAt?.toISOString().slice(0, 10) ?? "",
    collectJobTitle: letter.collectJobTitle,
    collectTeam: letter.collectTeam,
    allowComments: letter.allowComments,
    allowPublicNames: letter.allowPublicNames,
    holdNamesUntilDelivery: letter.holdNamesUntilDelivery,
    nameThresholds: letter.nameThresholds.join(", "),
    teams: letter.teams.join("\n"),
    discreetEmails: letter.discreetEmails,
    organiserVerification: letter.organiserVerification,
    organiserVerificationInstructions: letter.organiserVerificationInstructions,
  };
}

const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const yesNo = (value: boolean) => (value ? "on" : "off");

const OPTIONS = [
  ["collectJobTitle", "Ask for job title"],
  ["collectTeam", "Ask for team"],
  ["allowComments", "Comments"],
  ["allowPublicNames", "Public names"],
  ["holdNamesUntilDelivery", "Names held until delivery"],
  ["discreetEmails", "Discreet emails"],
  ["openToAnyDomain", "Anyone may sign"],
  ["organiserVerification", "Verification by organisers"],
] as const;

/**
 * What a co-organiser changed between the draft this editor opened and the draft saved now, one
 * line per field, so a refused save can say what to reconcile.
 */
export function describeDraftChanges(opened: TDraftState, current: TDraftState): string[] {
  const changes: string[] = [];
  const text = (label: string, before: string, after: string) => {
    if (before !== after) changes.push(after ? `${label}: now ${quote(after)}` : `${label}: now empty`);
  };
  text("Title", opened.title, current.title);
  text("Address", opened.slug, current.slug);
  text("Addressed to", opened.addressee, current.addressee);
  if (opened.bodyMarkdown !== current.bodyMarkdown) changes.push("Letter: the text was edited");
  const demands = (draft: TDraftState) => draft.demands.map((demand) => demand.text);
  if (JSON.stringify(demands(opened)) !== JSON.stringify(demands(current))) {
    const added = current.demands.filter((demand) => !opened.demands.some((before) => before.id && before.id === demand.id));
    const removed = opened.demands.filter((demand) => !current.demands.some((after) => after.id === demand.id));
    const parts = [...added.map((demand) => `added ${quote(demand.text)}`), ...removed.map((demand) => `removed ${quote(demand.text)}`)];
    changes.push(`Demands: ${parts.length > 0 ? parts.join("; ") : "reworded or reordered"}`);
  }
  const domains = (draft: TDraftState) => draft.domains.map((rule) => `${rule.domain}${rule.includeSubdomains ? " and subdomains" : ""}`).join(", ");
  if (domains(opened) !== domains(current)) changes.push(`Who may sign: now ${domains(current) || "no domain"}`);
  text("Signature goal", opened.goal, current.goal);
  text("Closing date", opened.closesAt, current.closesAt);
  text("Name thresholds", opened.nameThresholds, current.nameThresholds);
  if (opened.teams !== current.teams)
    changes.push(
      `Teams to choose from: now ${
        current.teams
          .split("\n")
          .filter(Boolean)
          .map((team) => quote(team))
          .join(", ") || "none (typed)"
      }`,
    );
  text("Instructions for signers verified by organisers", opened.organiserVerificationInstructions ?? "", current.organiserVerificationInstructions ?? "");
  for (const [key, label] of OPTIONS) {
    if ((opened[key] ?? false) !== (current[key] ?? false)) changes.push(`${label}: now ${yesNo(current[key] ?? false)}`);
  }
  return changes;
}
