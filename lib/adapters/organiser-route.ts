import "server-only";
import { performLetterAction, type TLetterAction } from "@/lib/auth/organiser-action";
import { errorResponse } from "./api-answer";
import { organiserDeps } from "./organiser-action";
import { getActor } from "./organiser-page";

/**
 * The adapter every route handler under app/(organiser) goes through, as runLetterAction is for
 * server actions: the session's actor, the one authorisation path (performLetterAction, which
 * calls authoriseLetter: signed out 401, no role on the letter 404, too low a role 403), then
 * the action, whose result `respond` turns into the response. Failures become the JSON API's
 * error body. Nothing an organiser route answers may be cached by anyone.
 */
export async function runLetterRoute<TInput, TResult>(
  action: TLetterAction<TInput, TResult>,
  letterId: string,
  input: unknown,
  respond: (result: TResult) => Response,
): Promise<Response> {
  let response: Response;
  try {
    response = respond(await performLetterAction(organiserDeps(), await getActor(), action, letterId, input));
  } catch (error) {
    response = errorResponse(error, `Organiser route ${action.name}`);
  }
  response.headers.set("Cache-Control", "no-store");
  return response;
}
