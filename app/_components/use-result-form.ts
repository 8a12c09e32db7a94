import { usePathname } from "next/navigation";
import { useActionState, useCallback, useEffect, useId, useRef } from "react";

/**
 * `useActionState` for a form whose answer is shown beside it or in its place, plus two things
 * React leaves to each form.
 *
 * Where the form posts without JavaScript (or before hydration). React renders a server
 * action's form with `action=""` (its Flight client's `$$FORM_ACTION` names no URL), which HTML
 * does not allow (a form's action must be a non-empty URL), unless it is given a `permalink`.
 * Ours is this page plus the form's own anchor: the browser comes back to the form and its
 * answer rather than to the top of a long page, and, since React keys a scriptless answer by
 * permalink, each form of a page gets its own answer, not every form of the same action.
 *
 * Focus. Pressing the button disables it, or the answer replaces the form, and focus falls to
 * `<body>`: a screen reader says nothing and the keyboard starts again from the top. So once an
 * answer arrives, focus moves to it: give `resultRef` to the element that shows it, with
 * `tabIndex={-1}`.
 */
export function useResultForm<TState extends { status: string }>(
  action: (state: Awaited<TState>, formData: FormData) => Promise<TState>,
  initialState: Awaited<TState>,
  options: { search?: string } = {},
) {
  const anchor = `form${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const pathname = usePathname();
  const [state, formAction, pending] = useActionState(action, initialState, `${pathname}${options.search ?? ""}#${anchor}`);
  const result = useRef<HTMLElement | null>(null);
  // A callback ref fits any element type it is given to.
  const resultRef = useCallback((element: HTMLElement | null) => {
    result.current = element;
  }, []);
  useEffect(() => {
    if (state.status !== "idle") result.current?.focus();
  }, [state]);
  return { state, formAction, pending, anchor, resultRef };
}
