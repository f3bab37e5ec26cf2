"use client";

import { useState, useSyncExternalStore } from "react";

type Saved = Record<string, string>;

const subscribe = () => () => {};

/**
 * "Save" enabled only once something differs from what is saved. Put `onChange` on the <form>:
 * every control's change bubbles there, and the form's current values (a checkbox counts as "on"
 * or "") are compared with `saved`. Until the page is hydrated the button stays enabled, so the
 * form still submits without JavaScript.
 */
export function useChanged(saved: Saved) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const savedKey = JSON.stringify(saved);
  const [state, setState] = useState({ savedKey, changed: false });
  // New saved values (a successful save re-rendered the page): nothing differs any more.
  if (state.savedKey !== savedKey) setState({ savedKey, changed: false });
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setState({ savedKey, changed: Object.entries(saved).some(([name, value]) => String(data.get(name) ?? "") !== value) });
  };
  const unchanged = hydrated && !state.changed;
  return { changed: state.changed, unchanged, onChange };
}
