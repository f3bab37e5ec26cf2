"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Whether a form's fields differ from what is saved, for an "Update" button that stays off until
 * there is something to send. Give the form `ref` and `onChange` (input events bubble to it).
 * `saved` maps field names to their saved text; other fields are ignored. It checks again when
 * the saved values change (after a save) and when `after` changes (an action's answer, once React
 * has reset the form to the values it keeps). The server still accepts an unchanged submission.
 */
export function useFormChanged(saved: Record<string, string>, after?: unknown) {
  const ref = useRef<HTMLFormElement>(null);
  const [changed, setChanged] = useState(false);
  const savedKey = JSON.stringify(saved);
  const check = useCallback(() => {
    const form = ref.current;
    if (!form) return;
    const values = JSON.parse(savedKey) as Record<string, string>;
    const data = new FormData(form);
    setChanged(Object.entries(values).some(([name, value]) => data.has(name) && String(data.get(name)) !== value));
  }, [savedKey]);
  useEffect(() => {
    // After React's own form reset, which runs once the action's transition has committed.
    const frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [check, after]);
  return { ref, changed, onChange: check };
}
