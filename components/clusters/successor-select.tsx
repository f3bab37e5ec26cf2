import { useId } from "react";
import { inputClass } from "@/components/ui/field";

type Props = { successors: { id: string; name: string }[]; error?: string; defaultValue: string };

/** Deleting the default cluster: the cluster that becomes the default (the server insists on one). */
export function SuccessorSelect({ successors, error, defaultValue }: Props) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        New default cluster
      </label>
      <select
        key={defaultValue}
        id={id}
        name="successorId"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={inputClass}
      >
        <option value="">Choose a cluster</option>
        {successors.map((successor) => (
          <option key={successor.id} value={successor.id}>
            {successor.name}
          </option>
        ))}
      </select>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
