/**
 * The sign forms' "How should your signature appear?" radios, as posted: `display` is "name",
 * "anonymous" or "at:N" (the name once N people at the signer's domain have signed). A form
 * posted by an older page, or by hand, may carry `anonymous` ("true"/"false") instead.
 */
export function displayFromForm(display: string, anonymous: string): "name" | "anonymous" | { nameAt: number } | string {
  if (display === "name" || display === "anonymous") return display;
  const threshold = /^at:(\d{1,7})$/.exec(display)?.[1];
  if (threshold) return { nameAt: Number(threshold) };
  // Anything else that was posted as a display is passed on, for the schema to refuse by name.
  if (display !== "") return display;
  return anonymous === "true" ? "anonymous" : "name";
}
