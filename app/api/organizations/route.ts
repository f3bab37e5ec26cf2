import { switcherListing } from "@/lib/pages/org-page";

/**
 * The switcher's list: the signed-in user's organizations, filtered by `q`, first page only, and
 * the pending invitations addressed to them with their Join links.
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  const listing = await switcherListing(query);
  if (!listing) return Response.json({ error: "Sign in to list your organizations." }, { status: 401 });
  return Response.json(listing, { headers: { "Cache-Control": "private, no-store" } });
}
