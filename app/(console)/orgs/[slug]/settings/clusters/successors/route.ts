import { orgRoute } from "@/lib/actions/org-route";
import { clusterSuccessors } from "@/lib/pages/clusters-page";

// GET the clusters that may take over as default, for the Delete dialog of the default cluster:
// the page carries only their count, so it weighs the same at 200 clusters as at 2. The door is
// the page's (cluster.manage on the URL's organization); only this organization's ids and names
// leave, and the delete action still checks the chosen one.
export const GET = orgRoute<{ slug: string }>({ permission: "cluster.manage" }, async (ctx, _params, db) => {
  const successors = await clusterSuccessors(db, ctx.org.id);
  return Response.json(successors, { headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
});
