import { orgRoute, plainResponse } from "@/lib/actions/org-route";
import { messages } from "@/lib/actions/run-action";
import { paletteProjects } from "@/lib/projects/palette";
import { badSearchResponse, readSearchParam } from "@/lib/search/search-param";

// Slugs are lowercase letters, digits and hyphens; anything else (a NUL, a space, 200 characters)
// names no organization, and must not reach PostgreSQL, which refuses NUL in text.
const slugShape = /^[a-z0-9-]{1,100}$/;

/**
 * The ⌘K palette's projects. The organization comes from the URL's slug, the caller's membership
 * and `project.read` from the database (orgRoute's door: 401 signed out, 404 not a member), and
 * the projects are read within that organization only, ten at most.
 */
const listPaletteProjects = orgRoute<{ slug: string }>({ permission: "project.read" }, async (ctx, _params, db, request) => {
  const body = await paletteProjects(db, ctx, readSearchParam(new URL(request.url)) ?? "");
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
});

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  if (readSearchParam(new URL(request.url)) === null) return badSearchResponse();
  const { slug } = await context.params;
  if (!slugShape.test(slug)) return plainResponse(404, messages.notFound);
  return listPaletteProjects(request, { params: Promise.resolve({ slug }) });
}
