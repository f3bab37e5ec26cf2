import { orgRoute, plainResponse } from "@/lib/actions/org-route";
import { downloadKubeconfig } from "@/lib/clusters/cluster-changes";
import { clusterIdSchema } from "@/lib/clusters/schemas";

const noKubeconfig = "This cluster does not exist in this organization, or it has no kubeconfig yet.";

// GET, as a plain link: the browser saves the file. Every download is an audit event.
export const GET = orgRoute<{ slug: string; clusterId: string }>({ permission: "cluster.connect" }, async (ctx, params, db) => {
  if (!clusterIdSchema.safeParse(params.clusterId).success) return plainResponse(404, noKubeconfig);
  const file = await downloadKubeconfig(db, ctx, params.clusterId);
  if (!file) return plainResponse(404, noKubeconfig);
  return new Response(file.content, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
