import { HtmlValidate } from "html-validate";

/**
 * HTML conformance by html-validate's `html-validate:standard` preset: the rules that follow
 * the HTML standard (content models, allowed attribute values, ids, nesting), without the style
 * rules of `:recommended`. Browsers forgive non-conforming markup, each in its own way; assistive
 * technology and the next browser release may not.
 *
 * No exception is allowed. The one construct that looked unavoidable, `<form action="">` that
 * React renders for a server action, is avoided with the `permalink` React takes for it (see
 * app/_components/use-result-form.ts).
 */
const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/** Every conformance error in `html`, one readable line each ([] when it conforms). */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${message.ruleId} at ${message.selector ?? `${message.line}:${message.column}`}: ${message.message}`),
  );
}
