import type { z } from "zod";

/**
 * A zod error as field messages keyed by path ("demands.2.text"), so that a form can put each
 * message beside the field it concerns, however deeply nested.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
