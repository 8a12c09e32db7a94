/**
 * Expected failures, each with one code, one HTTP status and one message a user can act on.
 * Anything else is a bug: logged with context and shown as a generic error.
 */
export const APP_ERRORS = {
  MALFORMED_REQUEST: { status: 400, message: "The request body must be a JSON object." },
  FORM_UNREADABLE: { status: 400, message: "This form could not be read. Please reload the page and try again." },
  MALFORMED_URL: { status: 400, message: "This address is not valid: it contains a broken %-escape." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request is too large." },
  LENGTH_REQUIRED: { status: 411, message: "Send the request body with a Content-Length header." },
  CROSS_SITE_REQUEST: { status: 403, message: "This request came from another website, so it was refused. Please use Undersigned's own pages." },
  INVALID_INPUT: { status: 422, message: "Please correct the highlighted fields." },
  LETTER_NOT_FOUND: { status: 404, message: "There is no published letter at this address." },
  LETTER_NOT_OPEN: { status: 409, message: "This letter is not open for signatures." },
  DOMAIN_NOT_ALLOWED: { status: 422, message: "This letter can only be signed with an address at an allowed domain." },
  TOKEN_INVALID: { status: 400, message: "This link is not valid. Check that you opened the whole link from your email." },
  TOKEN_EXPIRED: { status: 410, message: "This link has expired." },
  TOKEN_USED: { status: 409, message: "This link has already been used." },
  SIGNATURE_ENDED: {
    status: 409,
    message: "This signature can no longer be counted: it was withdrawn, or removed by the letter's organisers. If that is a mistake, contact them.",
  },
  UNAUTHENTICATED: { status: 401, message: "Sign in to do this." },
  FORBIDDEN: { status: 403, message: "Only the letter's owner can do this." },
  INVALID_TRANSITION: { status: 409, message: "The letter cannot do that in its current state." },
  /** An organiser's edit was made on an older version of the letter than the one saved now. */
  LETTER_CHANGED: { status: 409, message: "This letter changed since you opened it. Nothing was saved: check what changed, then save again." },
  LETTER_INCOMPLETE: { status: 422, message: "The letter is not ready to publish yet." },
  /** The browser uses the site at another address than APP_URL, where sign-in links would lead. */
  WRONG_SITE_ADDRESS: { status: 421, message: "This site is set up to be used at another address (its APP_URL). Open it there." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Please wait a moment and try again." },
  SERVICE_UNAVAILABLE: { status: 503, message: "The service is briefly unavailable. Please try again in a moment." },
  /** A bug: logged where it happened; the user only ever sees this. */
  INTERNAL: { status: 500, message: "Something went wrong on our side. Please try again." },
} as const satisfies Record<string, { status: number; message: string }>;

export type TAppErrorCode = keyof typeof APP_ERRORS;

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;

  constructor(
    readonly code: TAppErrorCode,
    options: { message?: string; fields?: Record<string, string[]>; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? APP_ERRORS[code].message);
    this.status = APP_ERRORS[code].status;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  readonly fields?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
}
