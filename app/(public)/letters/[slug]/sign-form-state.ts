export type TSignFormValues = { name: string; email: string; anonymous: boolean; title: string; team: string; comment: string };

export type TSignFormState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "error"; message: string; fields: Partial<Record<keyof TSignFormValues, string[]>>; values: TSignFormValues };
