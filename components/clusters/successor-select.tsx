"use client";

import { useEffect, useId, useState } from "react";
import { inputClass } from "@/components/ui/field";

type Successor = { id: string; name: string };
type Props = { url: string; error?: string; defaultValue: string };

/**
 * Deleting the default cluster: the cluster that becomes the default (the server insists on one).
 * The choices are fetched when the dialog opens (GET `url`), so the page does not carry every
 * cluster's id and name for a dialog that is rarely opened.
 */
export function SuccessorSelect({ url, error, defaultValue }: Props) {
  const id = useId();
  const [successors, setSuccessors] = useState<Successor[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    fetch(url, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Successor[]>) : Promise.reject(new Error(String(response.status)))))
      .then((list) => current && setSuccessors(list))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [url]);
  const message = error ?? (failed ? "The clusters could not be loaded: close this dialog and try again." : undefined);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        New default cluster
      </label>
      <select
        // Remounted once the choices arrive, so a value kept from a refused attempt is selected.
        key={`${defaultValue}:${successors?.length ?? "loading"}`}
        id={id}
        name="successorId"
        defaultValue={defaultValue}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-error`}
        aria-busy={successors === null && !failed ? true : undefined}
        className={inputClass}
      >
        <option value="">{successors === null && !failed ? "Loading clusters…" : "Choose a cluster"}</option>
        {successors?.map((successor) => (
          <option key={successor.id} value={successor.id}>
            {successor.name}
          </option>
        ))}
      </select>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
        {message}
      </p>
    </div>
  );
}
