"use server";

import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { updateCluster } from "@/lib/clusters/manage";
import { clusterIdSchema, clusterSettingsSchema } from "@/lib/clusters/schemas";

const schema = z.object({ clusterId: clusterIdSchema }).and(clusterSettingsSchema);

export const updateClusterSettingsAction = orgAction({ permission: "cluster.manage", schema }, async (ctx, { clusterId, ...settings }, db) => {
  const result = await updateCluster(db, ctx, clusterId, settings);
  return result.ok ? { ...result, redirectTo: `/orgs/${ctx.org.slug}/settings/clusters` } : result;
});
