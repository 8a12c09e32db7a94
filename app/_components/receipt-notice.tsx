import { ShareActions } from "./share-actions";

/**
 * The signer's private receipt link, shown once, right after confirming. It is never emailed:
 * whoever reads the work mailbox must not be able to change how the signature appears.
 */
export function ReceiptNotice({ url }: { url: string }) {
  return (
    <section className="receipt-notice" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">Your private receipt</h2>
      <p>
        Bookmark this link <strong>on a personal device</strong>, not a work one. With it you can see your signature, change whether your name is shown,
        withdraw, and follow the letter&rsquo;s news. We show it only now: we never email it and cannot send it again. Anyone who has it can change your
        signature, so share it with no one.
      </p>
      <ShareActions url={url} title="Your receipt" text="" shareable={false} />
    </section>
  );
}
