import { inputClass } from "@/components/ui/field";

type Option = { value: string; label: string };

type Props = {
  name: string;
  label: string;
  options: readonly (string | Option)[];
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  onChange?: (value: string) => void;
};

/**
 * A labelled select whose hint and error are tied to it, like Field. Keyed on its value by the
 * caller where a failed submission must show what was chosen (React's form reset would otherwise
 * bring back the first default).
 */
export function SelectField({ name, label, options, defaultValue, error, hint, required, onChange }: Props) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
        {required && <span className="text-zinc-500"> (required)</span>}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange && ((event) => onChange(event.target.value))}
        className={inputClass}
      >
        {options.map((option) => {
          const { value, label: text } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
