export type TTokenActionState =
  | { status: "idle" }
  | {
      status: "done";
      heading: string;
      message: string;
      letter: { slug: string; title: string };
      /** The signer's private receipt, shown once, on the page that answers the confirm button. */
      receiptUrl?: string;
    }
  | { status: "error"; message: string };
