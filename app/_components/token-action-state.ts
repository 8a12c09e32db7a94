export type TTokenActionState =
  | { status: "idle" }
  | {
      status: "done";
      heading: string;
      message: string;
      letter: { slug: string; title: string };
      shareUrl?: string;
      /** The signer's private receipt, shown once, on the page that answers the confirm button. */
      receiptUrl?: string;
      /** For a signer waiting on a threshold: how far their domain is from it. */
      nameProgress?: string;
    }
  | { status: "error"; message: string };
