import { Suspense, type ReactNode } from "react";

/**
 * A part of a long server-rendered page that React may hydrate on its own, after the parts
 * before it, in short slices that leave the main thread free between them. Without boundaries,
 * hydration of the whole page is one long task (the letter page's was most of its total blocking
 * time on a phone: `npm run bench:pages`); with them, each boundary is hydrated at a lower
 * priority, interruptibly, and first wherever the reader clicks or types. Nothing here suspends:
 * the server renders the content in place, so the HTML, its layout and the page without
 * JavaScript are unchanged, and the fallback is never shown.
 */
export function HydrateInSteps({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
