import { orgRoute } from "@/lib/actions/org-route";
import { repositoryChoices } from "@/lib/git/queries";
import { badSearchResponse, readSearchParam } from "@/lib/search/search-param";

// The repository picker's server-side search: every member who may see applications may search
// the installation's repositories by name (the first 100 matches). Nothing but names leaves.
export const GET = orgRoute<{ slug: string }>({ permission: "project.read" }, async (ctx, _params, db, request) => {
  const q = readSearchParam(new URL(request.url));
  if (q === null) return badSearchResponse();
  const choices = await repositoryChoices(db, ctx.org.id, q);
  return Response.json(choices, { headers: { "Cache-Control": "private, no-store" } });
});
