export type TClaimFormValues = { name: string; display: string; domain: string; title: string; team: string; comment: string };

export type TClaimFormState =
  | { status: "idle" }
  /** The code, formatted for reading; shown once, never stored in plain. */
  | { status: "code"; code: string; expiresAt: string; instructions: string; receiptUrl: string }
  | { status: "error"; message: string; fields: Partial<Record<keyof TClaimFormValues, string[]>>; values: TClaimFormValues };
