/** `display`: "name", "anonymous" or "at:N" (see display-field.ts). */
export type TSignFormValues = { name: string; email: string; display: string; title: string; team: string; comment: string };

export type TSignFormState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "error"; message: string; fields: Partial<Record<keyof TSignFormValues, string[]>>; values: TSignFormValues };
