type FieldProps = {
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  type?: "text" | "email" | "url";
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
};

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/** A labelled control whose hint and error are tied to it for screen readers. */
export function Field({ name, label, defaultValue, error, hint, type = "text", required, multiline, autoComplete, inputProps }: FieldProps) {
  const id = `field-${name}`;
  const shared = {
    id,
    name,
    defaultValue,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedByFor(id, hint),
    className: inputClass,
  };
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      {multiline ? <textarea rows={3} {...shared} /> : <input type={type} autoComplete={autoComplete} {...shared} {...inputProps} />}
    </FieldFrame>
  );
}

/** The ids a control's aria-describedby names: its hint (if any) and its error region. */
export function describedByFor(id: string, hint?: string): string {
  return [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
}

type FrameProps = { id: string; label: string; required?: boolean; hint?: string; error?: string; children: React.ReactNode };

/** A control's label, hint and live error region, shared by every kind of field. */
export function FieldFrame({ id, label, required, hint, error, children }: FrameProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
        {required && <span className="text-zinc-600 dark:text-zinc-400"> (required)</span>}
      </label>
      {children}
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

export function FormError({ message }: { message?: string }) {
  return (
    <div role="status" aria-live="polite" className="empty:hidden rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200" data-testid="form-error">
      {message}
    </div>
  );
}
