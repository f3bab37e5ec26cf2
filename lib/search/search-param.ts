/** The longest search a list endpoint accepts; names and slugs are far shorter. */
export const maxSearchLength = 100;

// NUL and the other control characters never occur in a name, and PostgreSQL refuses NUL in text
// outright: such a query is the caller's mistake (400), not a failure of ours (500).
const controlCharacters = /[\u0000-\u001f\u007f]/;

/**
 * The `q` parameter of a list endpoint's URL: "" when absent, null when it cannot be a search
 * (a control character, or longer than `maxSearchLength`).
 */
export function readSearchParam(url: URL, name = "q"): string | null {
  const value = url.searchParams.get(name) ?? "";
  if (value.length > maxSearchLength || hasControlCharacters(value)) return null;
  return value;
}

export function hasControlCharacters(value: string): boolean {
  return controlCharacters.test(value);
}

export function badSearchResponse(): Response {
  return Response.json(
    { error: "bad_query", message: `Search with up to ${maxSearchLength} printable characters.` },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
