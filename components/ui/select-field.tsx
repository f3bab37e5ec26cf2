import { describedByFor, FieldFrame, inputClass } from "@/components/ui/field";

type Option = { value: string; label: string };

type Props = {
  name: string;
  label: string;
  options: readonly (string | Option)[];
  defaultValue?: string;
  /** Controlled instead: the choice then survives React's reset of the form after a refusal. */
  value?: string;
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
export function SelectField({ name, label, options, defaultValue, value, error, hint, required, onChange }: Props) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={value === undefined ? defaultValue : undefined}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint)}
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
    </FieldFrame>
  );
}
