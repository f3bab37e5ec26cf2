import "server-only";
import { type Db, getDb } from "@/db/client";
import { currentSession } from "@/lib/auth";
import { authorize } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import { type Permission, roleLabels } from "@/lib/authz/permissions";
import { viewingRefusal } from "@/lib/authz/view-as";
import { readViewAsCookie } from "@/lib/authz/view-as-cookie";
import { recordActivityAfterResponse } from "@/lib/members/record-activity";
import { messages } from "./run-action";

type OrgParams = { slug: string };

export type OrgRouteHandler<Params extends OrgParams> = (ctx: OrgContext, params: Params, db: Db, request: Request) => Promise<Response>;

/** A plain-text answer for refusals: no page chrome, nothing about the organization. */
export function plainResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/**
 * orgAction's door for route handlers: session → organization by the URL's slug joined to the
 * caller's membership → permission table, before the handler runs. A missing organization and one
 * the caller is not in both answer 404 (names never leak); a member without the permission gets
 * 403. Use as `export const GET = orgRoute({ permission }, handler)`.
 */
export function orgRoute<Params extends OrgParams>(definition: { permission: Permission }, handler: OrgRouteHandler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const params = await context.params;
    const session = await currentSession();
    if (!session) return plainResponse(401, messages.signedOut);
    const db = await getDb();
    const access = await authorize(db, { ...session, slug: String(params.slug), permission: definition.permission, viewAs: await readViewAsCookie() });
    // While viewing as a lower role, reads answer as that role would get them; writes are refused.
    const viewing = (access.ok || access.reason === "forbidden") && access.ctx.viewingAs;
    if (viewing && !["GET", "HEAD"].includes(request.method)) return plainResponse(403, viewingRefusal(viewing.role));
    if (!access.ok) {
      if (access.reason === "signed-out") return plainResponse(401, messages.signedOut);
      return access.reason === "not-found"
        ? plainResponse(404, messages.notFound)
        : plainResponse(403, messages.forbidden(roleLabels[access.requiredRole]));
    }
    recordActivityAfterResponse(access.ctx);
    try {
      return await handler(access.ctx, params, db, request);
    } catch (error) {
      // Only bugs and outages get here; expected refusals are responses the handler returns.
      console.error("route handler failed", error);
      return plainResponse(500, messages.unexpected);
    }
  };
}
