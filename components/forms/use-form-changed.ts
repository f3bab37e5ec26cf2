"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * Whether a form's fields differ from what is saved, for a save button that stays off until there
 * is something to send. Put `onChange` on the <form> (every control's change bubbles there) and,
 * when the form's action answers in place, `ref` too with the answer as `after`: the form is
 * compared again once React has reset it. `saved` maps field names to their saved text (a missing
 * field, such as an unchecked box, counts as ""). Until the page is hydrated `unchanged` is false,
 * so the form still submits without JavaScript; the server accepts an unchanged submission anyway.
 */
export function useFormChanged(saved: Record<string, string>, after?: unknown) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const ref = useRef<HTMLFormElement>(null);
  const [changed, setChanged] = useState(false);
  const savedKey = JSON.stringify(saved);
  const compare = useCallback(
    (form: HTMLFormElement | null) => {
      if (!form) return;
      const values = JSON.parse(savedKey) as Record<string, string>;
      const data = new FormData(form);
      setChanged(Object.entries(values).some(([name, value]) => String(data.get(name) ?? "") !== value));
    },
    [savedKey],
  );
  useEffect(() => {
    // After React's own form reset, which runs once the action's transition has committed.
    const frame = requestAnimationFrame(() => compare(ref.current));
    return () => cancelAnimationFrame(frame);
  }, [compare, after]);
  const onChange = (event: React.FormEvent<HTMLFormElement>) => compare(event.currentTarget);
  return { ref, changed, unchanged: hydrated && !changed, onChange };
}
