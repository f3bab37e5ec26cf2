import { NextResponse, type NextRequest } from "next/server";

// NUL and the other control characters never belong in a query string, and PostgreSQL refuses NUL
// in text outright. The proxy looks at the raw query once, with one regular expression, so no page
// or route can answer 500 for them (the URL parser has already percent-encoded them).
const encodedControlCharacter = /%(?:[01][0-9a-f]|7f)/i;
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/**
 * A path with a control character or broken percent-encoding (`%E0%A4%A`) names nothing: Next
 * would fail decoding its segments (500), and PostgreSQL would refuse a NUL in a slug.
 */
export function hasOddPath(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  if (encodedControlCharacter.test(pathname)) return true;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function hasOddQuery(search: string): boolean {
  return search.length > 0 && encodedControlCharacter.test(search);
}

/**
 * A page opened with such a query is sent to the same address without those characters (the
 * search box then shows what is searched); APIs and form posts are refused with a 400 saying why.
 */
export function oddQueryResponse(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") return refuse();
  if (pathname === "/api" || pathname.startsWith("/api/")) return refuse();
  const cleaned = new URLSearchParams();
  for (const [key, value] of searchParams) cleaned.append(key.replace(controlCharacters, ""), value.replace(controlCharacters, ""));
  const target = request.nextUrl.clone();
  target.search = cleaned.toString();
  return NextResponse.redirect(target, 303);
}

function refuse(): NextResponse {
  return NextResponse.json(
    { error: "bad_query", message: "The address holds control characters (such as NUL), which no search or parameter accepts." },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
