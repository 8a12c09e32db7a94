"use server";

import { signOut } from "@/lib/server/auth";

/** Ends the session in the database as well as in the browser. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
