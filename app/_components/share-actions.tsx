"use client";

import { useState, useSyncExternalStore } from "react";

type Props = { url: string; title: string; text: string; /** False for a link that is the signer's alone, such as their receipt. */ shareable?: boolean };

/**
 * Copy the link, or hand it to the phone's share sheet where the browser has one. Without
 * JavaScript the link itself is still there to copy by hand.
 */
export function ShareActions({ url, title, text, shareable = true }: Props) {
  // Known only in the browser: the server renders without the button, the browser adds it.
  const canShare = useSyncExternalStore(subscribeToNothing, browserCanShare, () => false);
  const [status, setStatus] = useState("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      setStatus("Could not copy: select the link above and copy it.");
    }
  };

  const share = async () => {
    try {
      await navigator.share({ url, title, text });
    } catch {
      // Closing the share sheet is not an error worth a message.
    }
  };

  return (
    <div className="share-actions">
      <p className="share-link">
        <a href={url}>{url}</a>
      </p>
      <div className="share-buttons">
        <button type="button" onClick={copy}>
          Copy link
        </button>
        {canShare && shareable ? (
          <button type="button" onClick={share}>
            Share…
          </button>
        ) : null}
      </div>
      {/* A polite live region, not role=status: the page's one status is the sign form's answer. */}
      <p aria-live="polite" className="muted share-status">
        {status}
      </p>
    </div>
  );
}

const subscribeToNothing = () => () => {};
const browserCanShare = () => typeof navigator.share === "function";
