"use client";

import { useEffect, useRef, useState } from "react";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { reserveCharsFor, SignatureTotal } from "./signature-total";

type Props = { slug: string; total: number; goal: number | null };

// Screen readers hear the total at most this often: during a rush it changes every second.
const ANNOUNCE_EVERY_MS = 15_000;

/**
 * The server-rendered total, kept current by the letter's event stream (one connection per
 * open page, fed by a per-process poll: the server's work does not grow with viewers). The
 * stream is closed while the page is hidden and reopened when it is shown again.
 */
export function LiveTotal({ slug, total: initial, goal }: Props) {
  const [total, setTotal] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [reserveChars] = useState(() => reserveCharsFor(initial, goal));
  const lastAnnounced = useRef(0);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    const open = () => {
      source ??= new EventSource(`/api/v1/letters/${slug}/count/stream`);
      source.addEventListener("count", (event) => {
        const next = (JSON.parse((event as MessageEvent<string>).data) as { total?: unknown }).total;
        if (typeof next !== "number") return;
        setTotal(next);
        if (Date.now() - lastAnnounced.current > ANNOUNCE_EVERY_MS) {
          lastAnnounced.current = Date.now();
          setAnnouncement(countOf(next, NOUNS.verifiedSignature));
        }
      });
    };
    const close = () => {
      source?.close();
      source = null;
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? close() : open());
    // The figure on screen is fresh: the first event repeats it, so it is not announced.
    lastAnnounced.current = Date.now();
    document.addEventListener("visibilitychange", onVisibility);
    // Opened once the page has loaded and the phone is idle, not during start-up: the stream
    // brings nothing new for a while, and it would compete with what makes the page usable.
    const cancelStart = whenIdleAfterLoad(() => {
      if (document.visibilityState !== "hidden") open();
    });
    return () => {
      cancelStart();
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    };
  }, [slug]);

  return (
    <>
      <SignatureTotal total={total} goal={goal} reserveChars={reserveChars} />
      {/* The rest of the page is as it was rendered: it must not seem to contradict the live figure. */}
      {total !== initial ? (
        <p className="muted live-total-note" data-testid="live-total-note">
          The total has changed since this page was loaded: <a href={`/letters/${slug}`}>reload</a> to see the latest signatures in the lists and chart.
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}

/** Runs `task` after the load event, at the next idle moment (or soon, where the browser has no idle callback). */
function whenIdleAfterLoad(task: () => void): () => void {
  let cancel = () => {};
  const schedule = () => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(task, { timeout: 2_000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(task, 200);
      cancel = () => window.clearTimeout(handle);
    }
  };
  if (document.readyState === "complete") schedule();
  else {
    window.addEventListener("load", schedule, { once: true });
    cancel = () => window.removeEventListener("load", schedule);
  }
  return () => cancel();
}
