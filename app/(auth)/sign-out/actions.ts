"use server";

import type { TActionState } from "@/lib/errors/action-state";
import { signOut } from "@/lib/wiring/auth";

/**
 * Ends the session in the database as well as in the browser. Shaped for `useActionState` (see
 * sign-out-form.tsx) though it only ever redirects.
 */
export async function signOutAction(_state: TActionState): Promise<TActionState> {
  await signOut({ redirectTo: "/" });
  return { status: "done", message: "Signed out." };
}
