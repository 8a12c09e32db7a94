"use client";

import { useResultForm } from "@/app/_components/use-result-form";
import { IDLE } from "@/lib/errors/action-state";
import { signOutAction } from "./actions";

/**
 * The sign-out button. A form of its own through useResultForm only so that it posts to a real
 * address (`action=""` is not valid HTML): the action redirects home, so there is no outcome to show.
 */
export function SignOutForm() {
  const { formAction, pending, anchor } = useResultForm(signOutAction, IDLE);
  return (
    <form id={anchor} action={formAction}>
      <button type="submit" className="button-secondary" disabled={pending}>
        Sign out
      </button>
    </form>
  );
}
