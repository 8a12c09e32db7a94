"use client";

import { useEffect, useRef, useState } from "react";
import { formatCount } from "./format";
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
          setAnnouncement(`${formatCount(next)} verified signatures`);
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
    if (document.visibilityState !== "hidden") open();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
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
