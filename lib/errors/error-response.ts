import { answerResponse, errorAnswer } from "@/lib/api/answer";

/**
 * The JSON API's error body, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies (see errorAnswer, which the fast path sends as it is).
 */
export function errorResponse(error: unknown, context: string): Response {
  return answerResponse(errorAnswer(error, context));
}
