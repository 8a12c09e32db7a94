/** Header values on one line, whatever a template produced: a line break would start a new header. */
export function singleLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
}
