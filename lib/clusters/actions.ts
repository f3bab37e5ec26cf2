import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import * as changes from "./cluster-changes";
import { clusterIdSchema, clusterSettingsSchema, newClusterSchema } from "./schemas";

// The Clusters pages' actions. The cluster id comes from the form; the domain looks it up in the
// organization of the URL only.

const cluster = z.object({ clusterId: clusterIdSchema });
const confirmed = cluster.extend({ confirmName: z.string().max(200).default("") });
const clustersPath = (slug: string) => `/orgs/${slug}/settings/clusters`;

export const createCluster = defineOrgAction({ permission: "cluster.manage", schema: newClusterSchema }, async (ctx, input, db) => {
  // Browsers submit a textarea's line breaks as CRLF: store the kubeconfig as the file was.
  const result = await changes.createCluster(db, ctx, { ...input, kubeconfig: input.kubeconfig.replace(/\r\n?/g, "\n") });
  return result.ok ? { ...result, redirectTo: clustersPath(ctx.org.slug) } : result;
});

export const updateClusterSettings = defineOrgAction(
  { permission: "cluster.manage", schema: cluster.and(clusterSettingsSchema) },
  async (ctx, { clusterId, ...settings }, db) => {
    const result = await changes.updateCluster(db, ctx, clusterId, settings);
    return result.ok ? { ...result, redirectTo: clustersPath(ctx.org.slug) } : result;
  },
);

export const stopCluster = defineOrgAction({ permission: "cluster.manage", schema: confirmed }, (ctx, input, db) =>
  changes.requestClusterAction(db, ctx, { ...input, action: "stop" }),
);

export const startCluster = defineOrgAction({ permission: "cluster.manage", schema: cluster }, (ctx, input, db) =>
  changes.requestClusterAction(db, ctx, { ...input, action: "start" }),
);

export const retryCluster = defineOrgAction({ permission: "cluster.manage", schema: cluster }, (ctx, input, db) =>
  changes.requestClusterAction(db, ctx, { ...input, action: "retry" }),
);

export const deleteCluster = defineOrgAction(
  {
    permission: "cluster.manage",
    // An empty select (no successor chosen) is "none": the domain asks for one when it is needed.
    schema: confirmed.extend({ successorId: z.preprocess((v) => (v === "" ? undefined : v), clusterIdSchema.optional()) }),
  },
  (ctx, input, db) => changes.requestClusterAction(db, ctx, { ...input, action: "delete" }),
);

export const setDefaultCluster = defineOrgAction({ permission: "cluster.manage", schema: cluster }, (ctx, input, db) =>
  changes.setDefaultCluster(db, ctx, input.clusterId),
);
