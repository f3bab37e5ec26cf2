"use client";

import { useId } from "react";

type Props = {
  /** What must be typed exactly (a slug, a cluster's name). */
  expected: string;
  name: string;
  /** The field's error from the server, which checks the typed value again. */
  error?: string;
  /** What was typed before a failed submit, so React's form reset does not lose it. */
  defaultValue?: string;
  onMatchChange: (matches: boolean) => void;
  autoFocus?: boolean;
};

/**
 * "Type X to confirm": the one typed confirmation. The caller keeps its confirm button disabled
 * until the text matches exactly; the server checks the value again.
 */
export function ConfirmByTyping({ expected, name, error, defaultValue = "", onMatchChange, autoFocus }: Props) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Type <strong className="font-mono break-all">{expected}</strong> to confirm
      </label>
      <input
        key={defaultValue}
        id={id}
        name={name}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        onChange={(event) => onMatchChange(event.target.value === expected)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
