import { AppError } from "./app-error";

// Connection-level failures of PostgreSQL (refused, reset, shutting down, starting up, too many
// clients): the request may well succeed in a moment, so the client is told to retry rather
// than that something broke. Node's socket codes, SQLSTATEs, Prisma's codes, and the kinds
// Prisma's driver adapter reports them as.
const UNAVAILABLE_CODES = new Set([
  ...["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"],
  ...["57P01", "57P02", "57P03", "53300", "08006", "08001", "08003"],
  ...["P1001", "P1002", "P1017", "P2024"],
  ...["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"],
]);

/**
 * Every code an error carries, however deeply wrapped. A query through Prisma's driver adapter
 * fails with a PrismaClientKnownRequestError (P2010 for raw queries, whatever the cause) whose
 * `meta.driverAdapterError.cause` holds the real reason: `{ kind, originalCode }`, e.g. 57P03
 * while PostgreSQL is starting up.
 */
function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const record = error as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const own = [record.code, record.kind, record.originalCode].filter((code): code is string => typeof code === "string");
  return [...own, ...codesOf(record.cause, depth + 1), ...codesOf(record.meta?.driverAdapterError, depth + 1)];
}

/** The expected failure an error stands for, or null for a bug. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const codes = codesOf(error);
  const message = error instanceof Error ? error.message : "";
  if (
    codes.some((code) => UNAVAILABLE_CODES.has(code)) ||
    /Can't reach database|Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/.test(
      message,
    )
  ) {
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
