import { switcherListing } from "@/lib/pages/org-page";
import { badSearchResponse, hasControlCharacters, maxSearchLength } from "@/lib/search/search-param";

/**
 * The switcher's list: the signed-in user's organizations, filtered by `q`, first page only, and
 * the pending invitations addressed to them with their Join links.
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams.get("q")?.slice(0, maxSearchLength) ?? "";
  // Longer queries are cut as before; a NUL would make PostgreSQL throw: 400, not 500.
  if (hasControlCharacters(query)) return badSearchResponse();
  const listing = await switcherListing(query);
  if (!listing) return Response.json({ error: "Sign in to list your organizations." }, { status: 401 });
  return Response.json(listing, { headers: { "Cache-Control": "private, no-store" } });
}
