// NUL and the other control characters (tab and line breaks aside) are invisible, never meant, and
// PostgreSQL refuses NUL in text outright: they are dropped from every field before validation, so
// a pasted one can never fail a write with a 500 or a generic error.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain fields of a submitted form; Next's own `$ACTION_…` fields are not user input. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value.replace(controlCharacters, "");
  }
  return values;
}
