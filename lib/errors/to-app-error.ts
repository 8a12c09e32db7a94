import { AppError } from "./app-error";

// Connection-level failures of PostgreSQL (refused, reset, shutting down, too many clients):
// the request may well succeed in a moment, so the client is told to retry rather than that
// something broke.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08003", "P1001", "P1002", "P1017", "P2024"]);

function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const record = error as { code?: unknown; cause?: unknown; errno?: unknown };
  const own = typeof record.code === "string" ? [record.code] : [];
  return [...own, ...codesOf(record.cause, depth + 1)];
}

/** The expected failure an error stands for, or null for a bug. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const codes = codesOf(error);
  const message = error instanceof Error ? error.message : "";
  if (codes.some((code) => UNAVAILABLE_CODES.has(code)) || /Can't reach database|Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect/.test(message)) {
    return new AppError("SERVICE_UNAVAILABLE", { retryAfterSeconds: 5 });
  }
  return null;
}

/**
 * What to tell the user about any failure: the expected failure it stands for, or, for a bug,
 * INTERNAL, after logging the bug with `context`. A raw exception never reaches a user.
 */
export function explainError(error: unknown, context: string): AppError {
  const known = toAppError(error);
  if (known) return known;
  console.error(`[undersigned] ${context} failed`, error);
  return new AppError("INTERNAL");
}
