export type TTokenActionState =
  | { status: "idle" }
  | { status: "done"; heading: string; message: string; letter: { slug: string; title: string }; shareUrl?: string }
  | { status: "error"; message: string };
