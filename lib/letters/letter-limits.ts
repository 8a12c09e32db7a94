/** Sizes of a letter's fields: shared by the editor's inputs and the schema that checks them. */
export const LETTER_LIMITS = {
  title: 160,
  addressee: 200,
  body: 20_000,
  demandText: 600,
  demands: 20,
  domains: 50,
  goal: 10_000_000,
  statusBody: 5_000,
  organiserVerificationInstructions: 2_000,
  teams: 100,
  teamName: 120,
} as const;
